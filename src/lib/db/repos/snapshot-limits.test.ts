import 'fake-indexeddb/auto';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { gzipBomb, paddedMemberLine, withHeader } from '$lib/io/snapshot/crafted-files';
import type { SnapshotEntry } from '$lib/io/snapshot/entry';
import { MAX_ASIDE_TABLE_BYTES } from '$lib/io/snapshot/limits';
import { customer, encodeAll, record, stamp } from '$lib/io/snapshot/test-util';
import { applySnapshotWith } from './snapshot-apply';
import { openSnapshotFile, snapshotErrorCode, type SnapshotReader } from './snapshot-open';
import { previewSnapshotWith, type PreviewOptions } from './snapshot-preview';
import { dumpTables, teammate, type Teammate } from './snapshot-teammates';

/**
 * A file that crosses a cap is refused with its code, and leaves nothing behind: no staged
 * batch, no pending import, the data as it was. See src/lib/io/snapshot/limits.ts.
 */
let n = 0;
const fresh = () => {
	n++;
	return teammate(`lim${n}`, `devlim${n}`, '李主管');
};

const MiB = 1 << 20;

/** The reader, stopped with an error after `max` lines: a reader that ignores a cap reads on. */
function stopAfter(reader: SnapshotReader, max: number): SnapshotReader {
	return {
		header: reader.header,
		encrypted: reader.encrypted,
		unlock: (p) => reader.unlock(p),
		close: () => reader.close(),
		async *entries(): AsyncGenerator<SnapshotEntry> {
			let count = 0;
			for await (const e of reader.entries()) {
				if (++count > max) {
					await reader.close();
					throw new Error('read on past the cap');
				}
				yield e;
			}
		}
	};
}

async function previewCode(
	t: Teammate,
	bytes: Uint8Array,
	opts: Partial<PreviewOptions> & { stopAfter?: number } = {}
): Promise<string> {
	try {
		let reader = await openSnapshotFile([bytes]);
		if (opts.stopAfter !== undefined) reader = stopAfter(reader, opts.stopAfter);
		await previewSnapshotWith(t, reader, { fileName: 'crafted.rapport', ...opts });
		return 'ok';
	} catch (e) {
		return snapshotErrorCode(e);
	}
}

/** Staging and bookkeeping: all empty after a refusal. */
async function leftBehind(t: Teammate) {
	return {
		imports: await t.db.imports.count(),
		importBatches: await t.db.importBatches.count()
	};
}
const NOTHING = { imports: 0, importBatches: 0 };

/** Records staged in importBatches, counted as the preview writes them. */
function countStaged(t: Teammate): { records: number } {
	const seen = { records: 0 };
	t.db.importBatches.hook('creating', (_key, batch) => {
		seen.records += batch.records.length;
	});
	return seen;
}

const customers = (count: number) =>
	Array.from({ length: count }, (_, i) => ({
		t: 'customers',
		r: customer(`c${String(i).padStart(5, '0')}`)
	}));

/** A record of a kind this version does not know, with `bytes` of text that does not compress. */
const futureRecord = (id: string, bytes: number, wall = 2000) => ({
	t: 'x_future',
	r: record(id, { blob: randomBytes(bytes / 2).toString('hex') }, stamp(wall, 'F'))
});

describe('snapshot import caps', () => {
	it('a gzip bomb is refused in the preview, and what it staged is removed', async () => {
		const t = await fresh();
		const before = await dumpTables(t);
		const line = paddedMemberLine('m-bomb', 16 << 10);
		const bomb = gzipBomb('members', line, 8 * 1024 * MiB);
		const staged = countStaged(t);
		const code = await previewCode(t, bomb, { stopAfter: (128 * MiB) / line.length });
		expect(code).toBe('snapshot_expands_too_much');
		expect(staged.records).toBeGreaterThan(0);
		expect(await leftBehind(t)).toEqual(NOTHING);
		expect(await dumpTables(t)).toEqual(before);
	});

	it('a header that counts fewer lines than the body: refused before the extra lines are staged', async () => {
		const t = await fresh();
		const lying = withHeader(await encodeAll(customers(2500)), (h) => {
			h.counts = { customers: 1500 };
		});
		const staged = countStaged(t);
		expect(await previewCode(t, lying)).toBe('snapshot_corrupt');
		expect(staged.records).toBeLessThanOrEqual(1500);
		expect(await leftBehind(t)).toEqual(NOTHING);
		expect(await t.db.customers.count()).toBe(0);
	});

	it('a file whose header counts more records than the free storage holds is refused before staging', async () => {
		const t = await fresh();
		const file = await encodeAll(customers(200));
		const staged = countStaged(t);
		expect(await previewCode(t, file, { freeBytes: 10_000 })).toBe('snapshot_no_room');
		expect(staged.records).toBe(0);
		expect(await leftBehind(t)).toEqual(NOTHING);
		// Room enough, or a browser that does not say: the preview goes ahead.
		expect(await previewCode(t, file, { freeBytes: 1e9 })).toBe('ok');
		expect(await previewCode(t, file, { freeBytes: null })).toBe('ok');
	});

	it.each([
		[
			'QuotaExceededError',
			() => new DOMException('The quota has been exceeded.', 'QuotaExceededError')
		],
		[
			'QuotaExceededError inside an AbortError',
			() =>
				Object.assign(new Error('Transaction aborted'), {
					name: 'AbortError',
					inner: new DOMException('The quota has been exceeded.', 'QuotaExceededError')
				})
		]
	])(
		'a full disk while staging (%s) says storage full and removes the staging',
		async (_, error) => {
			const t = await fresh();
			await t.addCustomer('kept');
			const before = await dumpTables(t);
			let writes = 0;
			t.db.importBatches.hook('creating', () => {
				if (++writes === 2) throw error();
			});
			expect(await previewCode(t, await encodeAll(customers(2500)))).toBe('snapshot_storage_full');
			expect(await leftBehind(t)).toEqual(NOTHING);
			expect(await dumpTables(t)).toEqual(before);
		}
	);

	it('records of an unknown kind are written aside once per import, not once per page', async () => {
		const t = await fresh();
		const file = await encodeAll(
			Array.from({ length: 2500 }, (_, i) => futureRecord(`f${String(i).padStart(5, '0')}`, 64))
		);
		let writes = 0;
		const count = (key: unknown) => {
			if (String(key).startsWith('snapshotAside:')) writes++;
		};
		t.db.settings.hook('creating', (key) => count(key));
		t.db.settings.hook('updating', (_changes, key) => count(key));
		const p = await t.preview(file);
		await applySnapshotWith(t, p.importId);
		expect(writes).toBe(1);
		const aside = await t.db.settings.get('snapshotAside:x_future');
		expect(Object.keys((aside?.value as { records: object }).records)).toHaveLength(2500);
	});

	it('a file whose unknown kind alone is over the aside cap is refused in the preview', async () => {
		const t = await fresh();
		const records = Math.ceil(MAX_ASIDE_TABLE_BYTES / MiB) + 1;
		const file = await encodeAll(
			Array.from({ length: records }, (_, i) => futureRecord(`f${i}`, MiB))
		);
		expect(await previewCode(t, file)).toBe('snapshot_aside_too_large');
		expect(await leftBehind(t)).toEqual(NOTHING);
		expect(await t.db.settings.get('snapshotAside:x_future')).toBeUndefined();
	});

	it('a file that would grow a kind kept aside past the cap is refused on apply, writing nothing', async () => {
		const t = await fresh();
		// Kept aside by an earlier import: just under the cap.
		const kept = Math.floor(MAX_ASIDE_TABLE_BYTES / MiB) - 4;
		const stored: Record<string, unknown> = {};
		for (let i = 0; i < kept; i++) stored[`s${i}`] = futureRecord(`s${i}`, MiB).r;
		await t.db.settings.put({ key: 'snapshotAside:x_future', value: { records: stored } });
		const before = await t.db.settings.get('snapshotAside:x_future');

		// Eight new records of 1 MiB: the file alone is far under the cap, with what is kept over.
		const grows = await t.preview(
			await encodeAll(Array.from({ length: 8 }, (_, i) => futureRecord(`new${i}`, MiB)))
		);
		let code = 'ok';
		try {
			await applySnapshotWith(t, grows.importId);
		} catch (e) {
			code = snapshotErrorCode(e);
		}
		expect(code).toBe('snapshot_aside_too_large');
		expect(await t.db.settings.get('snapshotAside:x_future')).toEqual(before);
		expect(await leftBehind(t)).toEqual(NOTHING);
		expect(await t.db.audit.count()).toBe(0);

		// Newer versions of records already kept replace them: the table does not grow.
		const newer = Array.from({ length: 8 }, (_, i) => futureRecord(`s${i}`, MiB, 3000));
		await t.importFile(await encodeAll(newer));
		const after = await t.db.settings.get('snapshotAside:x_future');
		expect(Object.keys((after?.value as { records: object }).records)).toHaveLength(kept);
	});
});
