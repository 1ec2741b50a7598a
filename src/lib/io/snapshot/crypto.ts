import { buf, equalBytes } from './bytes';

/**
 * Passphrase encryption of a snapshot body (docs/SNAPSHOT.md, "Encryption").
 *
 * Keys: master = PBKDF2-HMAC-SHA256(NFC passphrase as UTF-8, salt, iterations, 32 bytes); then two
 * HKDF-SHA256 expansions of it (empty salt): the AES-256-GCM key (info KEY_INFO) and a 16-byte key
 * check (info CHECK_INFO) stored in the header. The check lets the decoder say "wrong passphrase"
 * before touching the body, and "tampered" only when the passphrase is right but a frame fails.
 * It gives a guesser nothing new: testing a guess against it costs the same PBKDF2 run as trying
 * to open frame 0. HKDF makes the two outputs independent, and costs nothing next to PBKDF2.
 *
 * WebCrypto's AES-GCM is one-shot, so the gzip stream is cut into frames, each sealed on its own
 * (the STREAM construction): frame i uses the header's 12-byte iv with i (uint32, big-endian)
 * XORed into its last four bytes, and its additional authenticated data is
 *   header bytes | i (uint32 BE) | 0x01 if this is the last frame else 0x00.
 * So a changed header, a reordered, dropped or appended frame, or a file cut at a frame boundary
 * all fail authentication. Nonces never repeat under one key: the salt, and so the key, is new
 * for every file, and the frame index never wraps (at most 2^32 - 1 frames).
 */

export const KEY_INFO = 'rapport-snapshot v1 aes-256-gcm key';
export const CHECK_INFO = 'rapport-snapshot v1 key check';
export const GCM_TAG_BYTES = 16;

const utf8 = (s: string) => new TextEncoder().encode(s);

export interface SnapshotKeys {
	key: CryptoKey;
	check: Uint8Array;
}

export async function deriveKeys(
	passphrase: string,
	salt: Uint8Array,
	iterations: number
): Promise<SnapshotKeys> {
	const subtle = crypto.subtle;
	// NFC so that the same passphrase typed on two systems (composed or not) gives the same key.
	const pw = await subtle.importKey('raw', utf8(passphrase.normalize('NFC')), 'PBKDF2', false, [
		'deriveBits'
	]);
	const master = await subtle.deriveBits(
		{ name: 'PBKDF2', hash: 'SHA-256', salt: buf(salt), iterations },
		pw,
		256
	);
	const ikm = await subtle.importKey('raw', master, 'HKDF', false, ['deriveKey', 'deriveBits']);
	const hkdf = (info: string) => ({
		name: 'HKDF',
		hash: 'SHA-256',
		salt: new Uint8Array(0),
		info: utf8(info)
	});
	const key = await subtle.deriveKey(hkdf(KEY_INFO), ikm, { name: 'AES-GCM', length: 256 }, false, [
		'encrypt',
		'decrypt'
	]);
	const check = new Uint8Array(await subtle.deriveBits(hkdf(CHECK_INFO), ikm, 128));
	return { key, check };
}

export const checkMatches = (keys: SnapshotKeys, stored: Uint8Array) =>
	equalBytes(keys.check, stored);

export function frameNonce(iv: Uint8Array, index: number): Uint8Array {
	const n = iv.slice();
	const view = new DataView(n.buffer);
	view.setUint32(8, (view.getUint32(8) ^ index) >>> 0);
	return n;
}

export function frameAad(header: Uint8Array, index: number, last: boolean): Uint8Array {
	const aad = new Uint8Array(header.length + 5);
	aad.set(header, 0);
	new DataView(aad.buffer).setUint32(header.length, index);
	aad[header.length + 4] = last ? 1 : 0;
	return aad;
}

const gcm = (iv: Uint8Array, header: Uint8Array, index: number, last: boolean) => ({
	name: 'AES-GCM',
	iv: buf(frameNonce(iv, index)),
	additionalData: buf(frameAad(header, index, last)),
	tagLength: GCM_TAG_BYTES * 8
});

export async function sealFrame(
	key: CryptoKey,
	iv: Uint8Array,
	header: Uint8Array,
	index: number,
	last: boolean,
	plain: Uint8Array
): Promise<Uint8Array> {
	return new Uint8Array(await crypto.subtle.encrypt(gcm(iv, header, index, last), key, buf(plain)));
}

/** null when authentication fails (any changed, moved or missing byte). */
export async function openFrame(
	key: CryptoKey,
	iv: Uint8Array,
	header: Uint8Array,
	index: number,
	last: boolean,
	sealed: Uint8Array
): Promise<Uint8Array | null> {
	try {
		return new Uint8Array(
			await crypto.subtle.decrypt(gcm(iv, header, index, last), key, buf(sealed))
		);
	} catch {
		return null;
	}
}
