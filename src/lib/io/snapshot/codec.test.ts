import { describe, expect, it } from 'vitest';
import { openSnapshot } from './decode';
import { encodeSnapshot } from './encode';
import type { SnapshotEntry } from './entry';
import { SnapshotError } from './errors';
import { FORMAT_VERSION, MIN_KDF_ITERATIONS, type SnapshotHeader } from './header';
import {
	baseOptions,
	chunked,
	customer,
	decodeAll,
	decodeCode,
	encodeAll,
	FAST_KDF,
	oneShot,
	sampleEntries
} from './test-util';

/** What the decoder should give back: the input without derived fields. */
function expected(entries: SnapshotEntry[]): SnapshotEntry[] {
	return entries.map((e) => {
		if (e.t !== 'customers') return e;
		const { searchKeys: _s, lastContactAt: _l, ...r } = e.r as Record<string, unknown>;
		return { t: e.t, r };
	});
}

async function headerOf(bytes: Uint8Array, testOnly = FAST_KDF): Promise<SnapshotHeader> {
	const snap = await openSnapshot([bytes], { testOnly });
	await snap.close();
	return snap.header;
}

describe('snapshot round trip', () => {
	it('plain: every entry comes back, derived fields left out, header filled in', async () => {
		const entries = sampleEntries();
		const bytes = await encodeAll(entries);
		expect(await decodeAll(bytes)).toEqual(expected(entries));
		const h = await headerOf(bytes);
		// Written as version 1 (it needs nothing newer), read as the current version.
		expect(h).toMatchObject({
			magic: 'rapport-snapshot',
			formatVersion: FORMAT_VERSION,
			appVersion: '0.1.0',
			exportedBy: { memberId: 'm1', memberName: '王经理', deviceId: 'dev-1' },
			exportedAt: 1_700_000_200_000,
			scope: { kind: 'all' },
			counts: { customers: 2, interactions: 1, x_future_table: 1, _tomb: 1 },
			mask: { fields: [] },
			compression: 'gzip',
			frameBytes: 1 << 20
		});
		expect(h.checksum.hex).toMatch(/^[0-9a-f]{64}$/);
		expect(h.encryption).toBeUndefined();
		// The greatest stamp in the file, for "changed since" and clock-drift warnings.
		expect(h.maxHlc).toBe('000000000005000:0000:A'); // the tombstone's
		// Readable as text up to the body: the first line is the header JSON.
		const firstLine = new TextDecoder().decode(bytes.subarray(0, bytes.indexOf(0x0a)));
		expect(JSON.parse(firstLine)).toEqual({ ...h, formatVersion: 1 });
	});

	it('a re-read source (two passes) and a one-shot generator (buffered) give the same file', async () => {
		const twoPass = await encodeAll(sampleEntries());
		const buffered = await encodeAll(oneShot(sampleEntries()));
		expect(buffered).toEqual(twoPass);
	});

	it('streams: many small frames, fed one byte at a time or as a ReadableStream', async () => {
		const entries = Array.from({ length: 40 }, (_, i) => ({
			t: 'customers',
			r: customer(`c${i}`, { notes: `第 ${i} 条 `.repeat(i) })
		}));
		const bytes = await encodeAll(entries, { frameBytes: 64 });
		expect(await decodeAll(chunked(bytes, 1))).toEqual(expected(entries));
		const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream();
		expect(await decodeAll(stream)).toEqual(expected(entries));
		const encrypted = await encodeAll(entries, {
			frameBytes: 100,
			passphrase: 'pw',
			testOnly: FAST_KDF
		});
		const back = await decodeAll(chunked(encrypted, 7), { passphrase: 'pw', testOnly: FAST_KDF });
		expect(back).toEqual(expected(entries));
	});

	it('an empty export is a valid file', async () => {
		const bytes = await encodeAll([]);
		expect(await decodeAll(bytes)).toEqual([]);
		expect((await headerOf(bytes)).counts).toEqual({});
	});

	it('encrypted: round trip, and the body is not readable without the passphrase', async () => {
		const entries = sampleEntries();
		const bytes = await encodeAll(entries, { passphrase: '正确 horse 電池', testOnly: FAST_KDF });
		const text = new TextDecoder().decode(bytes);
		expect(text).not.toContain('张三');
		const h = await headerOf(bytes);
		expect(h.encryption).toMatchObject({ alg: 'AES-GCM', kdf: 'PBKDF2-SHA256', iterations: 1000 });
		const back = await decodeAll(bytes, { passphrase: '正确 horse 電池', testOnly: FAST_KDF });
		expect(back).toEqual(expected(entries));
		// The passphrase is compared after NFC: a decomposed 電 would still match; here, composed
		// and decomposed é give the same key.
		const accent = await encodeAll(entries, { passphrase: 'caf\u00e9', testOnly: FAST_KDF });
		const viaNfd = await decodeAll(accent, { passphrase: 'cafe\u0301', testOnly: FAST_KDF });
		expect(viaNfd).toEqual(expected(entries));
	});

	it('encrypts with 600,000 PBKDF2 iterations unless the test-only flag says otherwise', async () => {
		const bytes = await encodeAll(sampleEntries().slice(0, 1), { passphrase: 'pw' });
		const snap = await openSnapshot([bytes]);
		expect(snap.header.encryption?.iterations).toBe(MIN_KDF_ITERATIONS);
		expect(snap.encrypted).toBe(true);
		await snap.unlock('pw');
		const out: SnapshotEntry[] = [];
		for await (const e of snap.entries()) out.push(e);
		expect(out).toHaveLength(1);
	});

	it('the preview reads only the header; a wrong passphrase can be retried', async () => {
		const bytes = await encodeAll(sampleEntries(), { passphrase: 'right', testOnly: FAST_KDF });
		const snap = await openSnapshot(chunked(bytes, 50), { testOnly: FAST_KDF });
		expect(snap.header.exportedBy.memberName).toBe('王经理');
		await expect(snap.unlock('wrong')).rejects.toMatchObject({ code: 'snapshot_wrong_passphrase' });
		await snap.unlock('right');
		const out: SnapshotEntry[] = [];
		for await (const e of snap.entries()) out.push(e);
		expect(out).toEqual(expected(sampleEntries()));
	});

	it('masks the fields named in the header: phones, emails, ID numbers', async () => {
		const c = customer('c1', { idNumber: '110101199003071234' });
		const bytes = await encodeAll([{ t: 'customers', r: c }], {
			mask: ['customers.phones', 'customers.emails', 'customers.idNumber']
		});
		const [entry] = await decodeAll(bytes);
		expect(entry?.r).toMatchObject({
			phones: ['*******8000'],
			emails: ['z***@example.com'],
			idNumber: '110***********1234',
			name: '张三'
		});
		// Stamps are kept: the importer ties the mask to them.
		expect((entry?.r as { _meta: unknown })._meta).toEqual(c._meta);
		expect((await headerOf(bytes)).mask.fields).toEqual([
			'customers.phones',
			'customers.emails',
			'customers.idNumber'
		]);
		// searchKeys (which holds the phone digits) never leaves the device.
		expect(new TextDecoder().decode(bytes)).not.toContain('13800138000');
	});

	it('a backup: its scope and setting lines make a version-2 file, read back as written', async () => {
		const settings: SnapshotEntry[] = [
			{ t: '_setting', r: { key: 'dealStages', value: { stages: [], labels: { a: '甲' } } } },
			{ t: '_setting', r: { key: 'importMapping:customer:h1-3-abc', value: { mapping: [null] } } }
		];
		const entries = [...sampleEntries(), ...settings];
		const bytes = await encodeAll(entries, { scope: { kind: 'backup', memberId: 'm1' } });
		expect(await decodeAll(bytes)).toEqual(expected(entries));
		const firstLine = JSON.parse(new TextDecoder().decode(bytes.subarray(0, bytes.indexOf(0x0a))));
		expect(firstLine).toMatchObject({
			formatVersion: 2,
			scope: { kind: 'backup', memberId: 'm1' },
			counts: { _setting: 2 }
		});
		// A backup names whose it is: without a member it is not a valid header.
		await expect(encodeAll([], { scope: { kind: 'backup' } })).resolves.toBeDefined();
		expect(await decodeCode(await encodeAll([], { scope: { kind: 'backup' } }))).toBe(
			'snapshot_corrupt'
		);
	});

	it('handles a body larger than one frame and one batch', async () => {
		const entries = Array.from({ length: 3000 }, (_, i) => ({
			t: 'customers',
			r: customer(`c${i}`, { notes: `${i} ${Math.sin(i)} 长备注`.repeat(20) })
		}));
		const bytes = await encodeAll(entries, { frameBytes: 32 << 10 });
		const back = await decodeAll(chunked(bytes, 65536));
		expect(back.length).toBe(3000);
		expect(back[2999]).toEqual(expected([entries[2999] as SnapshotEntry])[0]);
	});
});

describe('snapshot encoder refuses', () => {
	it('a source that changes between its two passes (the partial file never opens)', async () => {
		let pass = 0;
		const changing = {
			async *[Symbol.asyncIterator]() {
				pass++;
				yield { t: 'customers', r: customer('c1', { name: `pass ${pass}` }) };
			}
		};
		const parts: Uint8Array[] = [];
		const run = async () => {
			for await (const chunk of encodeSnapshot(changing, baseOptions)) parts.push(chunk);
		};
		await expect(run()).rejects.toMatchObject({ code: 'snapshot_source_changed' });
		const partial = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
		parts.reduce((at, p) => (partial.set(p, at), at + p.length), 0);
		expect(await decodeCode(partial)).toBe('snapshot_truncated');
	});

	it('entries that are not table entries, and an empty passphrase', async () => {
		const bad = [
			{ t: 'customers', r: 'nope' },
			{ t: 'bad name!', r: customer('c1') },
			{ t: '__proto__', r: customer('c1') },
			{ t: 'customers', r: { id: 'x' } },
			{ t: '_tomb', r: { table: 'customers' } },
			{ t: '_setting', r: { value: 1 } },
			{ t: '_setting', r: { key: '', value: 1 } },
			{ t: '_setting', r: { key: 'dealStages' } }
		];
		for (const e of bad) {
			await expect(encodeAll([e as SnapshotEntry])).rejects.toBeInstanceOf(SnapshotError);
			await expect(encodeAll([e as SnapshotEntry])).rejects.toMatchObject({
				code: 'snapshot_invalid_entry'
			});
		}
		await expect(encodeAll([], { passphrase: '' })).rejects.toMatchObject({
			code: 'snapshot_passphrase_required'
		});
	});
});
