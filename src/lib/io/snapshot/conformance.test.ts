import { createCipheriv, createDecipheriv, createHash, hkdfSync, pbkdf2Sync } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openSnapshot } from './decode';
import { MIGRATIONS, type MigrationRegistry } from './migrate';
import {
	customer,
	decodeAll,
	decodeCode,
	encodeAll,
	FAST_KDF,
	sampleEntries,
	tomb
} from './test-util';

/**
 * docs/SNAPSHOT.md must be enough for another tool to read and write `.rapport` files. These
 * tests are that other tool: a reader and a writer built only from the document and Node's own
 * zlib and crypto (none of the codec's code), checked against the codec both ways.
 */

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest();
const KEY_INFO = 'rapport-snapshot v1 aes-256-gcm key';
const CHECK_INFO = 'rapport-snapshot v1 key check';

function keysFor(passphrase: string, salt: Buffer, iterations: number) {
	const master = pbkdf2Sync(passphrase.normalize('NFC'), salt, iterations, 32, 'sha256');
	const key = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), KEY_INFO, 32));
	const check = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), CHECK_INFO, 16));
	return { key, check };
}

function nonce(iv: Buffer, i: number): Buffer {
	const n = Buffer.from(iv);
	n.writeUInt32BE((n.readUInt32BE(8) ^ i) >>> 0, 8);
	return n;
}

function aad(header: Buffer, i: number, last: boolean): Buffer {
	const tail = Buffer.alloc(5);
	tail.writeUInt32BE(i, 0);
	tail[4] = last ? 1 : 0;
	return Buffer.concat([header, tail]);
}

/** The reader, following the document step by step. */
function readByTheDocument(file: Uint8Array, passphrase?: string) {
	const buf = Buffer.from(file);
	const nl = buf.indexOf(0x0a);
	const headerBytes = buf.subarray(0, nl);
	const digestLine = buf.subarray(nl + 1, nl + 66).toString('latin1');
	expect(digestLine).toBe(`${sha256(headerBytes).toString('hex')}\n`);
	const header = JSON.parse(headerBytes.toString('utf8'));
	expect(header.magic).toBe('rapport-snapshot');
	let at = nl + 66;
	const frames: { last: boolean; payload: Buffer }[] = [];
	for (;;) {
		const word = buf.readUInt32BE(at);
		const last = (word & 0x80000000) !== 0;
		const len = word & 0x7fffffff;
		frames.push({ last, payload: buf.subarray(at + 4, at + 4 + len) });
		at += 4 + len;
		if (last) break;
	}
	const bodyStart = nl + 66;
	expect(buf.subarray(at)).toEqual(sha256(buf.subarray(bodyStart, at)));
	let gz: Buffer;
	if (header.encryption) {
		const e = header.encryption;
		const { key, check } = keysFor(passphrase ?? '', Buffer.from(e.salt, 'base64'), e.iterations);
		expect(check.toString('base64')).toBe(e.keyCheck);
		const iv = Buffer.from(e.iv, 'base64');
		gz = Buffer.concat(
			frames.map((f, i) => {
				const d = createDecipheriv('aes-256-gcm', key, nonce(iv, i));
				d.setAAD(aad(headerBytes, i, f.last));
				d.setAuthTag(f.payload.subarray(f.payload.length - 16));
				return Buffer.concat([d.update(f.payload.subarray(0, f.payload.length - 16)), d.final()]);
			})
		);
	} else {
		gz = Buffer.concat(frames.map((f) => f.payload));
	}
	const body = gunzipSync(gz);
	expect(sha256(body).toString('hex')).toBe(header.checksum.hex);
	const lines = body.toString('utf8').split('\n');
	expect(lines.pop()).toBe('');
	return { header, entries: lines.map((l) => JSON.parse(l)) };
}

/** The writer, following the document. `header` is everything but checksum and encryption. */
function writeByTheDocument(
	header: Record<string, unknown>,
	lines: unknown[],
	opts: { passphrase?: string; frameBytes: number; iterations?: number }
): Uint8Array {
	const body = Buffer.from(lines.map((l) => `${JSON.stringify(l)}\n`).join(''), 'utf8');
	const full: Record<string, unknown> = {
		...header,
		frameBytes: opts.frameBytes,
		checksum: { alg: 'SHA-256', hex: sha256(body).toString('hex') }
	};
	const salt = Buffer.alloc(16, 7);
	const iv = Buffer.alloc(12, 9);
	let keys: { key: Buffer; check: Buffer } | null = null;
	if (opts.passphrase !== undefined) {
		const iterations = opts.iterations ?? 600_000;
		keys = keysFor(opts.passphrase, salt, iterations);
		full.encryption = {
			alg: 'AES-GCM',
			kdf: 'PBKDF2-SHA256',
			iterations,
			salt: salt.toString('base64'),
			iv: iv.toString('base64'),
			keyCheck: keys.check.toString('base64')
		};
	}
	const headerBytes = Buffer.from(JSON.stringify(full), 'utf8');
	const gz = gzipSync(body);
	const chunks: Buffer[] = [];
	for (let i = 0; i < gz.length; i += opts.frameBytes)
		chunks.push(gz.subarray(i, i + opts.frameBytes));
	const framed = chunks.map((chunk, i) => {
		const last = i === chunks.length - 1;
		let payload = chunk;
		if (keys) {
			const c = createCipheriv('aes-256-gcm', keys.key, nonce(iv, i));
			c.setAAD(aad(headerBytes, i, last));
			payload = Buffer.concat([c.update(chunk), c.final(), c.getAuthTag()]);
		}
		const word = Buffer.alloc(4);
		word.writeUInt32BE((payload.length | (last ? 0x80000000 : 0)) >>> 0);
		return Buffer.concat([word, payload]);
	});
	const frames = Buffer.concat(framed);
	return new Uint8Array(
		Buffer.concat([
			headerBytes,
			Buffer.from(`\n${sha256(headerBytes).toString('hex')}\n`),
			frames,
			sha256(frames)
		])
	);
}

const v1Header = {
	magic: 'rapport-snapshot',
	formatVersion: 1,
	appVersion: 'other-tool 2.0',
	exportedBy: { memberId: 'm9', memberName: 'Tool', deviceId: 'cli' },
	exportedAt: 1_700_000_000_000,
	scope: { kind: 'selection', label: 'A 级客户' },
	counts: { customers: 1, _tomb: 1 },
	maxHlc: '',
	mask: { fields: [] },
	compression: 'gzip'
};

describe('docs/SNAPSHOT.md is enough to read and write the format', () => {
	it('an independent reader reads what the codec writes, plain and encrypted', async () => {
		const entries = sampleEntries();
		const plain = readByTheDocument(await encodeAll(entries, { frameBytes: 100 }));
		expect(plain.entries.map((e: { t: string }) => e.t)).toEqual(entries.map((e) => e.t));
		expect(plain.header.counts.customers).toBe(2);
		const sealed = readByTheDocument(
			await encodeAll(entries, { frameBytes: 100, passphrase: 'pw', testOnly: FAST_KDF }),
			'pw'
		);
		expect(sealed.entries).toEqual(plain.entries);
	});

	it('the codec reads what an independent writer writes, plain and encrypted', async () => {
		const lines = [
			{ t: 'customers', r: customer('c1') },
			{ t: '_tomb', r: tomb('c2') }
		];
		const plain = writeByTheDocument(v1Header, lines, { frameBytes: 50 });
		expect(await decodeAll(plain)).toEqual(lines);
		const sealed = writeByTheDocument(v1Header, lines, {
			frameBytes: 50,
			passphrase: 'secret',
			iterations: 1000
		});
		expect(await decodeAll(sealed, { passphrase: 'secret', testOnly: FAST_KDF })).toEqual(lines);
		expect(await decodeCode(sealed, { passphrase: 'Secret', testOnly: FAST_KDF })).toBe(
			'snapshot_wrong_passphrase'
		);
	});

	it('version 2: a backup with setting lines, both ways', async () => {
		const lines = [
			{ t: 'customers', r: customer('c1') },
			{ t: '_setting', r: { key: 'followUpCadence', value: { A: 7, B: 14, C: 30 } } }
		];
		const v2Header = {
			...v1Header,
			formatVersion: 2,
			scope: { kind: 'backup', memberId: 'm9' },
			counts: { customers: 1, _setting: 1 }
		};
		expect(await decodeAll(writeByTheDocument(v2Header, lines, { frameBytes: 50 }))).toEqual(lines);
		const written = readByTheDocument(
			await encodeAll(lines, { scope: { kind: 'backup', memberId: 'm9' } })
		);
		expect(written.header.formatVersion).toBe(2);
		expect(written.entries.map((e: { t: string }) => e.t)).toEqual(['customers', '_setting']);
		expect(written.entries[1]).toEqual(lines[1]);
	});
});

describe('the change range (docs/SNAPSHOT.md, "Files of changes")', () => {
	const changes = {
		key: 'lead/mine:m9',
		after: 40,
		upTo: 52,
		full: false,
		afterAt: 1_699_990_000_000
	};

	it('an independent writer’s file of changes opens, range and all, at version 1', async () => {
		const lines = [
			{ t: 'customers', r: customer('c1') },
			{ t: '_tomb', r: tomb('c2') }
		];
		const file = writeByTheDocument({ ...v1Header, changes }, lines, { frameBytes: 50 });
		expect(await decodeAll(file)).toEqual(lines);
		const reader = await openSnapshot([file]);
		await reader.close();
		expect(reader.header.changes).toEqual(changes);
	});

	it('an independent reader reads the codec’s file of changes as any other file', async () => {
		const entries = sampleEntries();
		const read = readByTheDocument(await encodeAll(entries, { changes }));
		expect(read.header.changes).toEqual(changes);
		expect(read.header.formatVersion).toBe(1);
		expect(read.entries.map((e: { t: string }) => e.t)).toEqual(entries.map((e) => e.t));
	});

	it('files written before ranges still open, and say no range', async () => {
		const lines = [
			{ t: 'customers', r: customer('c1') },
			{ t: '_tomb', r: tomb('c2') }
		];
		const file = writeByTheDocument(v1Header, lines, { frameBytes: 50 });
		const reader = await openSnapshot([file]);
		await reader.close();
		expect(reader.header.changes).toBeUndefined();
		expect(await decodeCode(file)).toBe('ok');
	});
});

describe('older format versions', () => {
	/**
	 * A made-up version 0, to exercise the upgrade chain: the member was `exportedBy.name`, and
	 * body lines were `{"table": …, "record": …}`.
	 */
	const v0Header = {
		...v1Header,
		formatVersion: 0,
		exportedBy: { memberId: 'm9', name: 'Old Tool', deviceId: 'cli' }
	};
	const v0Lines = [
		{ table: 'customers', record: customer('c1') },
		{ table: '_tomb', record: tomb('c2') }
	];
	const registry: MigrationRegistry = {
		...MIGRATIONS,
		0: {
			header: (h) => {
				const by = h.exportedBy as { memberId: string; name: string; deviceId: string };
				return {
					...h,
					exportedBy: { memberId: by.memberId, memberName: by.name, deviceId: by.deviceId }
				};
			},
			entry: (line) => {
				const l = line as { table: string; record: unknown };
				return { t: l.table, r: l.record };
			}
		}
	};

	it('opens through the registered upgrade, checksums checked on the bytes as written', async () => {
		const file = writeByTheDocument(v0Header, v0Lines, { frameBytes: 64 });
		const entries = await decodeAll(file, { migrations: registry });
		expect(entries).toEqual([
			{ t: 'customers', r: customer('c1') },
			{ t: '_tomb', r: tomb('c2') }
		]);
	});

	it('without an upgrade step the file is refused, not misread', async () => {
		const file = writeByTheDocument(v0Header, v0Lines, { frameBytes: 64 });
		expect(await decodeCode(file)).toBe('snapshot_corrupt');
		const noEntryStep: MigrationRegistry = {
			...MIGRATIONS,
			0: { header: registry[0]?.header ?? ((h) => h) }
		};
		expect(await decodeCode(file, { migrations: noEntryStep })).toBe('snapshot_corrupt');
	});
});
