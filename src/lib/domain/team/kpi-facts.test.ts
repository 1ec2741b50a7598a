import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS } from '../shared/dates';
import { kpiContributions, type AggregateKey, type KpiSources } from './kpi-facts';

const START = Date.UTC(2025, 2, 31, 16); // 1 April 2025, 00:00 in Shanghai
const END = START + 30 * DAY_MS;
const SPAN = { startAt: START, endAt: END };
const IN = START + 5 * DAY_MS;

/** Sums per owner and key, the way the roll-up adds them. */
function sums(sources: KpiSources): Record<string, Partial<Record<AggregateKey, number>>> {
	const out: Record<string, Partial<Record<AggregateKey, number>>> = {};
	for (const c of kpiContributions(sources, SPAN, 'CNY')) {
		const o = (out[c.ownerId] ??= {});
		o[c.key] = (o[c.key] ?? 0) + c.amount;
	}
	return out;
}

const order = (at: number, minor: number, p: { currency?: string; trashedAt?: number } = {}) => ({
	ownerId: 'a',
	at,
	amount: { minor, currency: p.currency ?? 'CNY' },
	trashedAt: p.trashedAt ?? null
});

describe('sales', () => {
	it('adds live orders in the goals’ currency dated inside the period', () => {
		expect(
			sums({
				orders: [
					order(IN, 100),
					order(START, 20),
					order(END - 1, 3),
					order(END, 1000),
					order(START - 1, 1000),
					order(IN, 1000, { currency: 'USD' }),
					order(IN, 1000, { trashedAt: IN })
				]
			})
		).toEqual({ a: { salesMinor: 123 } });
	});
});

const customer = (
	createdAt: number,
	p: { trashedAt?: number; stage?: 'customer' | 'churned'; ownerId?: string } = {}
) => ({
	ownerId: p.ownerId ?? 'a',
	createdAt,
	trashedAt: p.trashedAt ?? null,
	stage: p.stage ?? 'customer'
});

describe('customers', () => {
	it('counts new customers created inside the period and never trashed', () => {
		const s = sums({
			customers: [customer(IN), customer(IN, { trashedAt: END + DAY_MS }), customer(END)]
		});
		expect(s.a?.newCustomers).toBe(1);
	});
	it('retention: the customers alive at the start, and those still alive at the end', () => {
		const before = START - DAY_MS;
		const s = sums({
			customers: [
				customer(before),
				customer(before, { stage: 'churned' }),
				customer(before, { trashedAt: IN }),
				customer(before, { trashedAt: START - 1 }),
				// Trashed after the end: as at the end it was still there.
				customer(before, { trashedAt: END }),
				customer(START)
			]
		});
		expect(s.a?.customersAtStart).toBe(4);
		expect(s.a?.customersRetained).toBe(2);
	});
	it('active customers at the end (the complaint rate’s base)', () => {
		const s = sums({
			customers: [
				customer(IN),
				customer(START - DAY_MS, { stage: 'churned' }),
				customer(IN, { trashedAt: IN + 1 }),
				customer(END)
			]
		});
		expect(s.a?.activeCustomers).toBe(1);
	});
	it('dates the stock figures where they are measured', () => {
		const at = new Map<AggregateKey, number>();
		for (const c of kpiContributions({ customers: [customer(START - 1)] }, SPAN, 'CNY'))
			at.set(c.key, c.at);
		expect(Object.fromEntries(at)).toEqual({
			customersAtStart: START,
			customersRetained: START,
			activeCustomers: END - 1
		});
	});
});

describe('follow-ups, interactions and satisfaction', () => {
	const task = (
		doneAt: number | null,
		p: { kind?: 'todo'; done?: boolean; trashedAt?: number } = {}
	) => ({
		ownerId: 'a',
		kind: p.kind ?? ('follow_up' as const),
		done: p.done ?? doneAt !== null,
		doneAt,
		trashedAt: p.trashedAt ?? null
	});
	it('counts follow-up tasks completed inside the period', () => {
		const s = sums({
			tasks: [
				task(IN),
				task(IN, { kind: 'todo' }),
				task(IN, { done: false }),
				task(null),
				task(END),
				task(IN, { trashedAt: IN })
			]
		});
		expect(s.a).toEqual({ followUps: 1 });
	});
	it('counts interactions and takes their valid satisfaction scores', () => {
		const i = (at: number, satisfaction: number | null, trashedAt: number | null = null) => ({
			ownerId: 'a',
			at,
			satisfaction,
			trashedAt
		});
		const s = sums({ interactions: [i(IN, 4), i(IN, null), i(IN, 9), i(IN, 5, IN), i(END, 1)] });
		expect(s.a).toEqual({ interactions: 3, satisfactionSum: 4, satisfactionCount: 1 });
	});
	it('takes CSAT answers, not NPS, nor scores out of range', () => {
		const f = (kind: 'csat' | 'nps', score: number) => ({
			ownerId: 'a',
			kind,
			score,
			at: IN,
			trashedAt: null
		});
		const s = sums({ feedback: [f('csat', 3), f('csat', 5), f('nps', 10), f('csat', 0)] });
		expect(s.a).toEqual({ satisfactionSum: 8, satisfactionCount: 2 });
	});
});

describe('tickets', () => {
	const ticket = (
		openedAt: number,
		closedAt: number | null,
		kind: 'complaint' | 'support' = 'complaint',
		trashedAt: number | null = null
	) => ({ ownerId: 'a', kind, openedAt, closedAt, trashedAt });
	it('counts complaints opened inside the period', () => {
		const s = sums({
			tickets: [
				ticket(IN, null),
				ticket(IN, null, 'support'),
				ticket(END, null),
				ticket(IN, null, 'complaint', IN)
			]
		});
		expect(s.a).toEqual({ complaints: 1 });
	});
	it('sums the time to resolve the tickets closed inside the period', () => {
		const s = sums({
			tickets: [
				ticket(START - DAY_MS, IN, 'support'),
				ticket(IN, IN + 2 * HOUR_MS, 'support'),
				ticket(IN, END, 'support'),
				ticket(IN, IN - 1, 'support')
			]
		});
		expect(s.a).toEqual({ resolvedTickets: 2, resolutionMs: DAY_MS + 5 * DAY_MS + 2 * HOUR_MS });
	});
});
