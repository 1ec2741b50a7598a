import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyCustomerDraft } from '$lib/domain/customer/empty';
import { memoryStorage } from '$lib/testing/memory-storage';
import { createCustomer } from './repos/customers';
import { startImport } from './repos/imports';
import { getSession } from './session';
import { persistence, requestPersistence } from './storage';

/**
 * Persistent storage is asked for by the database layer itself on the first real write (a saved
 * customer, an import), whatever page it comes from: never on a bare start, which writes only
 * this install's device id and blank member.
 */
const asks = vi.fn(async () => false);
let persisted = false;

beforeEach(() => {
	asks.mockReset();
	asks.mockImplementation(async () => false);
	persisted = false;
	vi.stubGlobal('localStorage', memoryStorage());
	vi.stubGlobal('navigator', {
		storage: { persist: asks, persisted: async () => persisted, estimate: async () => ({}) }
	});
});
afterEach(() => vi.unstubAllGlobals());

const draft = async (name: string) => ({
	...emptyCustomerDraft((await getSession()).member.id),
	name
});

describe('asking for persistent storage', () => {
	it('asks once, on the first saved customer, and not on start', async () => {
		await getSession();
		expect(asks).not.toHaveBeenCalled();
		await createCustomer(await draft('First Co'));
		await vi.waitFor(() => expect(asks).toHaveBeenCalledTimes(1));
		await createCustomer(await draft('Second Co'));
		await startImport({ fileName: 'a.csv', target: 'customer', counts: {} });
		expect(asks).toHaveBeenCalledTimes(1);
	});

	it('remembers a refusal until the browser grants it', async () => {
		expect(await persistence()).toBe('not_asked');
		expect(await requestPersistence()).toBe('refused');
		expect(await persistence()).toBe('refused');
		// Granted later (installed as an app): no more warning, and none after a later "no".
		persisted = true;
		expect(await persistence()).toBe('granted');
		persisted = false;
		expect(await persistence()).toBe('not_asked');
		asks.mockImplementation(async () => {
			persisted = true;
			return true;
		});
		expect(await requestPersistence()).toBe('granted');
		expect(await persistence()).toBe('granted');
	});

	it('a browser without the Storage API, or without localStorage, is told apart and never throws', async () => {
		vi.stubGlobal('navigator', {});
		expect(await persistence()).toBe('unsupported');
		expect(await requestPersistence()).toBe('unsupported');
		vi.stubGlobal('navigator', {
			storage: { persist: asks, persisted: async () => false, estimate: async () => ({}) }
		});
		vi.stubGlobal('localStorage', {
			getItem: () => {
				throw new DOMException('denied', 'SecurityError');
			},
			setItem: () => {
				throw new DOMException('denied', 'SecurityError');
			},
			removeItem: () => undefined
		});
		expect(await requestPersistence()).toBe('refused');
		// Nothing could be remembered: the next start cannot tell a refusal from "not asked".
		expect(await persistence()).toBe('not_asked');
	});
});
