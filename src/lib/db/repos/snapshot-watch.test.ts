import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { applySnapshotWith } from './snapshot-apply';
import { collectBytes, exportSnapshotWith } from './snapshot-export';
import { openSnapshotFile } from './snapshot-open';
import { previewSnapshotWith } from './snapshot-preview';
import { scopeSize } from './snapshot-source';
import { dumpTables, teammate, TEST_KDF, type Teammate } from './snapshot-teammates';

/** An export followed by a progress bar: what it reports, and what its Cancel leaves. */
describe('a watched export', () => {
	it('reports every entry it reads, up to the size known beforehand', async () => {
		const a = await teammate('watch-a', 'dev-watch-a', '王经理');
		for (let i = 0; i < 3; i++) {
			const c = await a.addCustomer(`c${i}`);
			for (let j = 0; j < 400; j++) await a.addInteraction(`i${i}-${j}`, c, 1_700_000_000_000 + j);
		}
		const total = await scopeSize(a, { kind: 'backup' });
		// Three customers, 1,200 interactions and the member.
		expect(total).toBe(1_204);
		expect(await scopeSize(a, { kind: 'mine' })).toBeNull();
		const seen: number[] = [];
		await collectBytes(
			exportSnapshotWith(a, { kind: 'backup' }, { watch: { onRead: (n) => seen.push(n) } })
		);
		expect(seen).toEqual([500, 1_000, 1_204]);
	});

	it('stops when cancelled, with the signal’s reason and no file', async () => {
		const a = await teammate('watch-b', 'dev-watch-b', '王经理');
		const c = await a.addCustomer('c');
		for (let j = 0; j < 1_200; j++) await a.addInteraction(`i${j}`, c, 1_700_000_000_000 + j);
		const controller = new AbortController();
		const reason = new DOMException('cancelled by the user', 'AbortError');
		const bytes = collectBytes(
			exportSnapshotWith(
				a,
				{ kind: 'backup' },
				{
					watch: {
						signal: controller.signal,
						onRead: (n) => {
							if (n >= 500) controller.abort(reason);
						}
					}
				}
			)
		);
		await expect(bytes).rejects.toBe(reason);
	});
});

/** A file of one customer and `n` calls from a teammate, and a receiver with data of its own. */
async function fileOfCalls(tag: string, n: number): Promise<{ bytes: Uint8Array; b: Teammate }> {
	const a = await teammate(`watch-${tag}-a`, `dev-watch-${tag}-a`, '王经理');
	const c = await a.addCustomer(`c-${tag}`);
	for (let j = 0; j < n; j++) await a.addInteraction(`i-${tag}-${j}`, c, 1_700_000_000_000 + j);
	const b = await teammate(`watch-${tag}-b`, `dev-watch-${tag}-b`, '李娜');
	await b.addCustomer(`own-${tag}`);
	return { bytes: await a.exportFile(), b };
}

describe('a watched import', () => {
	it('the preview reports what it reads, and its Cancel leaves nothing staged', async () => {
		const { bytes, b } = await fileOfCalls('p', 1_200);
		const seen: number[] = [];
		const reader = await openSnapshotFile([bytes], { testOnly: TEST_KDF });
		const p = await previewSnapshotWith(b, reader, {
			fileName: 'a.rapport',
			watch: { onRead: (n) => seen.push(n) }
		});
		// The customer, 1,200 calls and the sender's member.
		expect(p.staged).toBe(1_202);
		expect(seen).toEqual([500, 1_000, 1_202]);

		const controller = new AbortController();
		const reason = new DOMException('cancelled by the user', 'AbortError');
		const again = await openSnapshotFile([bytes], { testOnly: TEST_KDF });
		const before = await b.db.importBatches.count();
		await expect(
			previewSnapshotWith(b, again, {
				fileName: 'a.rapport',
				watch: {
					signal: controller.signal,
					onRead: (n) => {
						if (n >= 500) controller.abort(reason);
					}
				}
			})
		).rejects.toBe(reason);
		// Only the first preview's staging is left; the cancelled one dropped its own.
		expect(await b.db.importBatches.count()).toBe(before);
		expect((await b.db.imports.toArray()).map((i) => i.id)).toEqual([p.importId]);
	});

	it('the apply reports what it goes through, and its Cancel writes nothing', async () => {
		const { bytes, b } = await fileOfCalls('a', 1_200);
		const p = await b.preview(bytes);
		const before = await dumpTables(b);
		const controller = new AbortController();
		const reason = new DOMException('cancelled by the user', 'AbortError');
		const stopped: number[] = [];
		await expect(
			applySnapshotWith(b, p.importId, {
				watch: {
					signal: controller.signal,
					onRead: (n) => {
						stopped.push(n);
						controller.abort(reason);
					}
				}
			})
			// Dexie aborts the transaction with the reason inside its own error.
		).rejects.toMatchObject({ name: 'AbortError', inner: reason });
		expect(stopped.length).toBe(1);
		// One transaction: nothing of the file is written, and its staging is dropped as well.
		expect(await dumpTables(b)).toEqual(before);
		expect(await b.db.imports.get(p.importId)).toBeUndefined();
		expect(await b.db.importBatches.count()).toBe(0);

		const again = await b.preview(bytes);
		const seen: number[] = [];
		await applySnapshotWith(b, again.importId, { watch: { onRead: (n) => seen.push(n) } });
		expect(seen.at(-1)).toBe(again.staged);
		expect(seen).toEqual([...seen].sort((x, y) => x - y));
		expect(await b.db.interactions.count()).toBe(1_200);
	});
});
