import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { emptyCustomerDraft } from '$lib/domain/customer/empty';
import { encodeHlc } from '$lib/sync/hlc';

/**
 * Two tabs of one browser: one database, one device id, and (in the app) one localStorage.
 * Each "tab" is a fresh copy of the modules (its own session, clock and connection).
 */
class MemoryStorage {
	readonly #items = new Map<string, string>();
	get length(): number {
		return this.#items.size;
	}
	key(i: number): string | null {
		return [...this.#items.keys()][i] ?? null;
	}
	getItem(k: string): string | null {
		return this.#items.get(k) ?? null;
	}
	setItem(k: string, v: string): void {
		this.#items.set(k, String(v));
	}
	removeItem(k: string): void {
		this.#items.delete(k);
	}
	clear(): void {
		this.#items.clear();
	}
}
Object.assign(globalThis, { localStorage: new MemoryStorage() });

async function openTab() {
	vi.resetModules();
	const session = await import('./session');
	const customers = await import('./repos/customers');
	await session.getSession();
	return { session, customers };
}

const draft = (city: string) => ({
	...emptyCustomerDraft('m'),
	name: '张三',
	phones: ['13812345678'],
	city
});

describe('two tabs of one device', () => {
	it('an edit made later in a lagging tab orders after the other tab’s stored edit', async () => {
		const b = await openTab();
		const id = await b.customers.createCustomer(draft('北京'));
		const a = await openTab();
		// Tab B's clock follows a teammate whose clock runs an hour ahead; tab A never saw it.
		const sb = await b.session.getSession();
		sb.clock.observe(encodeHlc({ wall: Date.now() + 3_600_000, counter: 0, device: 'mate' }));
		await b.customers.updateCustomer(id, draft('上海'));
		const stored = await b.customers.getCustomer(id);
		const byB = stored!._meta.fields!.city!.hlc;

		await a.customers.updateCustomer(id, draft('深圳'));
		const after = await a.customers.getCustomer(id);
		expect(after?.city).toBe('深圳');
		expect(after!._meta.fields!.city!.hlc > byB).toBe(true);
		expect(after!._meta.updated > stored!._meta.updated).toBe(true);
	});

	it('a worker writes between the tabs’ stamps and change numbers, as a third tab would', async () => {
		const a = await openTab();
		const id = await a.customers.createCustomer(draft('北京'));
		const b = await openTab();
		const { HybridClock } = await import('$lib/sync/hlc');
		const { editRecord } = await import('$lib/sync/edit');
		const { openDatabase } = await import('./schema');
		const { changeNumberOf } = await import('./repos/local-changes');
		// What repos/import-commit.ts does: the worker's clock starts after a stamp of the page's
		// clock, on a connection of its own, and the page's clock observes its last stamp after.
		const sa = await a.session.getSession();
		const worker = new HybridClock(sa.deviceId, Date.now, sa.clock.tick());
		const conn = openDatabase();
		const stored = await conn.customers.get(id);
		const byWorker = { hlc: worker.tick(), by: sa.member.id };
		await conn.customers.put(editRecord(stored!, { city: '上海' }, byWorker).next);
		const workerNumber = changeNumberOf((await conn.customers.get(id))!);
		conn.close();
		sa.clock.observe(byWorker.hlc);

		// The other tab, which never heard from the worker, stamps and numbers after it.
		await b.customers.updateCustomer(id, draft('深圳'));
		const after = await b.customers.getCustomer(id);
		expect(after?.city).toBe('深圳');
		expect(after!._meta.fields!.city!.hlc > byWorker.hlc).toBe(true);
		expect(workerNumber).toBeGreaterThan(changeNumberOf(stored!));
		expect(changeNumberOf(after!)).toBeGreaterThan(workerNumber);
	});
});
