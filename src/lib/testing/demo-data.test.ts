import { describe, expect, it } from 'vitest';
import { validateCustomerDraft } from '../domain/customer/validate';
import { demoMembers, generateDemo, type DemoBatch } from './demo-data';

let n = 0;
const opts = {
	seed: 42,
	customers: 250,
	interactionsPerCustomer: 4,
	now: Date.UTC(2026, 10, 22),
	stamp: () => ({ hlc: `${String(++n).padStart(15, '0')}:0000:demo`, by: 'm' }),
	batchSize: 100,
	demo: true
};

function all(seed = 42) {
	const members = demoMembers({ ...opts, seed });
	const batches: DemoBatch[] = [...generateDemo({ ...opts, seed }, members)];
	return { members, batches, customers: batches.flatMap((b) => b.customers) };
}

describe('generateDemo', () => {
	it('is reproducible from its seed and differs between seeds', () => {
		const a = all();
		const b = all();
		expect(a.customers.map((c) => c.name)).toEqual(b.customers.map((c) => c.name));
		expect(all(7).customers.map((c) => c.name)).not.toEqual(a.customers.map((c) => c.name));
	});

	it('yields batches of the requested size with every customer valid', () => {
		const { batches, customers, members } = all();
		expect(batches.map((b) => b.customers.length)).toEqual([100, 100, 50]);
		expect(new Set(customers.map((c) => c.id)).size).toBe(250);
		for (const c of customers) {
			const r = validateCustomerDraft(c, opts.now);
			expect(r.ok, `${c.name}: ${JSON.stringify(r)}`).toBe(true);
			expect(members.map((m) => m.id)).toContain(c.ownerId);
			expect(c.demo).toBe(true);
		}
		expect(customers.some((c) => /[\u4e00-\u9fff]/.test(c.name))).toBe(true);
		expect(customers.some((c) => /^[A-Za-z]/.test(c.name))).toBe(true);
	});

	it('derives lastContactAt from the generated interactions', () => {
		const { batches } = all();
		for (const b of batches) {
			for (const c of b.customers) {
				const ats = b.interactions.filter((i) => i.customerId === c.id).map((i) => i.at);
				expect(c.lastContactAt).toBe(ats.length ? Math.max(...ats) : null);
			}
		}
	});
});
