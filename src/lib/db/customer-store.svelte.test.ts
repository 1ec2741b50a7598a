import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { customerStore } from './customer-store.svelte';
import { trashCustomer } from './repos/customers';
import { customer } from './repos/test-fixtures';

const loadsStarted = () => performance.getEntriesByName('rapport:customers-load-start').length;

describe('the in-memory customer list', () => {
	it('is read on first use, not on import, and then holds every customer not in the trash', async () => {
		const kept = await customer('留下的客户');
		const other = await customer('另一个客户');
		await trashCustomer(await customer('回收站客户'));
		// Importing the store and waiting reads nothing: a page that shows no customer never
		// pays for the list.
		await new Promise((r) => setTimeout(r, 20));
		expect(loadsStarted()).toBe(0);
		expect(customerStore.complete).toBe(false);
		// That first use started the load.
		await vi.waitFor(() => expect(customerStore.complete).toBe(true));
		expect(loadsStarted()).toBe(1);
		expect(customerStore.rows.map((r) => r.id).sort()).toEqual([kept, other].sort());
		expect(customerStore.get(kept)?.name).toBe('留下的客户');
		// Further reads use what is loaded.
		void customerStore.rows;
		await new Promise((r) => setTimeout(r, 20));
		expect(loadsStarted()).toBe(1);
	});
});
