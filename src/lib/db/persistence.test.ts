import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyCustomerDraft } from '$lib/domain/customer/empty';
import { createCustomer } from './repos/customers';
import { startImport } from './repos/imports';
import { getSession } from './session';

/**
 * Persistent storage is asked for by the database layer itself on the first real write (a saved
 * customer, an import), whatever page it comes from: never on a bare start, which writes only
 * this install's device id and blank member.
 */
const asks = vi.fn(async () => false);

beforeEach(() => {
	asks.mockClear();
	vi.stubGlobal('navigator', {
		storage: { persist: asks, persisted: async () => false, estimate: async () => ({}) }
	});
});
afterEach(() => vi.unstubAllGlobals());

const draft = async (name: string) => ({
	...emptyCustomerDraft((await getSession()).member.id),
	name
});

describe('asking for persistent storage', () => {
	it.fails('asks once, on the first saved customer, and not on start', async () => {
		await getSession();
		expect(asks).not.toHaveBeenCalled();
		await createCustomer(await draft('First Co'));
		await vi.waitFor(() => expect(asks).toHaveBeenCalledTimes(1));
		await createCustomer(await draft('Second Co'));
		await startImport({ fileName: 'a.csv', target: 'customer', counts: {} });
		expect(asks).toHaveBeenCalledTimes(1);
	});
});
