import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { firstWriteMiddleware } from './first-write-middleware';
import { openDatabase } from './schema';

describe('the first real write', () => {
	it('fires once, after the first record of the user’s data, not for settings or members', async () => {
		const onFirst = vi.fn();
		const d = openDatabase('first-write-a');
		d.use(firstWriteMiddleware(onFirst));
		await d.settings.put({ key: 'deviceId', value: 'dev' });
		await d.members.put({ id: 'm1' } as never);
		await d.tombstones.put({ table: 'customers', id: 'x', hlc: 'h', by: 'm1' });
		// Demo data is there to be removed: not the user's.
		await d.customers.bulkPut([{ id: 'd1', demo: true, _meta: { updated: 'h' } }] as never);
		expect(onFirst).not.toHaveBeenCalled();
		await d.customers.put({ id: 'c1', _meta: { updated: 'h' } } as never);
		expect(onFirst).toHaveBeenCalledTimes(1);
		await d.customers.put({ id: 'c2', _meta: { updated: 'h' } } as never);
		await d.imports.add({ id: 'i1', at: 0, state: 'pending', detail: {} });
		expect(onFirst).toHaveBeenCalledTimes(1);
		d.close();
	});

	it('an import counts; a write that failed does not', async () => {
		const plain = openDatabase('first-write-b');
		await plain.imports.add({ id: 'i1', at: 0, state: 'pending', detail: {} });
		plain.close();
		const onFirst = vi.fn();
		const d = openDatabase('first-write-b');
		d.use(firstWriteMiddleware(onFirst));
		// The same key again: the add fails and nothing was written.
		await expect(
			d.imports.add({ id: 'i1', at: 0, state: 'pending', detail: {} })
		).rejects.toThrow();
		expect(onFirst).not.toHaveBeenCalled();
		await d.imports.add({ id: 'i2', at: 0, state: 'pending', detail: {} });
		expect(onFirst).toHaveBeenCalledTimes(1);
		d.close();
	});
});
