import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { collectBytes, exportSnapshotWith } from './snapshot-export';
import { scopeSize } from './snapshot-source';
import { teammate } from './snapshot-teammates';

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
