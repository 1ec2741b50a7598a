import { describe, expect, it } from 'vitest';
import { openSnapshot } from './decode';
import type { SnapshotChanges } from './header';
import { decodeCode, encodeAll, sampleEntries, withHeader } from './test-util';

/** The `changes` member of the header: which of the writer's changes a file carries. */
const delta: SnapshotChanges = {
	key: 'member:m2/mine:m2',
	after: 120,
	upTo: 180,
	full: false,
	afterAt: 1_700_000_100_000
};

/** The header as written, before any upgrade of its version. */
const rawHeader = (bytes: Uint8Array): Record<string, unknown> =>
	JSON.parse(new TextDecoder().decode(bytes.subarray(0, bytes.indexOf(0x0a)))) as Record<
		string,
		unknown
	>;

async function headerOf(bytes: Uint8Array) {
	const r = await openSnapshot([bytes]);
	await r.close();
	return r.header;
}

describe('the change range in the header', () => {
	it('is written as given and read back, and stays out of a file without one', async () => {
		const file = await encodeAll(sampleEntries(), { changes: delta });
		expect((await headerOf(file)).changes).toEqual(delta);
		// Written after the scope, so the header reads in the order of the document.
		const line = new TextDecoder().decode(file.subarray(0, file.indexOf(0x0a)));
		expect(line.indexOf('"changes"')).toBeGreaterThan(line.indexOf('"scope"'));
		expect(line.indexOf('"changes"')).toBeLessThan(line.indexOf('"counts"'));
		const plain = await encodeAll(sampleEntries());
		expect((await headerOf(plain)).changes).toBeUndefined();
		expect(new TextDecoder().decode(plain.subarray(0, plain.indexOf(0x0a)))).not.toContain(
			'changes'
		);
	});

	it('needs no new format version: a file of changes is read like any other', async () => {
		const file = await encodeAll(sampleEntries(), { changes: delta });
		// The lowest version that describes the file: readers older than ranges still open it.
		expect(rawHeader(file).formatVersion).toBe(1);
		const full = await encodeAll(sampleEntries(), {
			changes: { key: 'team/all', after: 0, upTo: 9, full: true }
		});
		expect((await headerOf(full)).changes).toEqual({
			key: 'team/all',
			after: 0,
			upTo: 9,
			full: true
		});
		// An empty run (nothing changed since the last file) is a valid claim.
		const none = await encodeAll([], { changes: { ...delta, after: 180 } });
		expect(await decodeCode(none)).toBe('ok');
	});

	it('refuses a range that is not one as a corrupt file', async () => {
		const file = await encodeAll(sampleEntries(), { changes: delta });
		const bad: unknown[] = [
			null,
			'0-9',
			{ ...delta, key: '' },
			{ ...delta, key: 'x'.repeat(501) },
			{ ...delta, after: -1 },
			{ ...delta, after: 1.5 },
			{ ...delta, upTo: 100 },
			{ ...delta, upTo: Number.MAX_SAFE_INTEGER + 2 },
			{ ...delta, full: 'no' },
			{ ...delta, full: true },
			{ ...delta, afterAt: 'yesterday' },
			{ key: 'team/all', after: 0, upTo: 3 }
		];
		for (const changes of bad)
			expect(await decodeCode(withHeader(file, { changes }))).toBe('snapshot_corrupt');
		expect(await decodeCode(withHeader(file, { changes: { ...delta, later: 1 } }))).toBe('ok');
	});
});
