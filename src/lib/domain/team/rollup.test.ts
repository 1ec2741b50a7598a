import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS } from '../shared/dates';
import type { Id } from '../shared/types';
import { valueAt } from './dated';
import { Hierarchy, type ReportingEntry } from './hierarchy';
import { rollUp, type Contribution } from './rollup';
import { teamPeriod, type TeamPeriod } from './team-period';
import { zonedIsoDate, zonedIsoDateStart } from './zone';

const RUNS = 1000;
const ZONE = 'Asia/Shanghai';
const at = (date: string, hours = 10) =>
	(zonedIsoDateStart(ZONE, date) ?? Number.NaN) + hours * HOUR_MS;

function quarter(start: string): TeamPeriod {
	const r = teamPeriod(ZONE, 'quarter', start);
	if (!r.ok) throw new Error('period');
	return r.value;
}

function built(lines: ReportingEntry[]): Hierarchy {
	const r = Hierarchy.build(lines, ZONE);
	if (!r.ok) throw new Error('cycle');
	return r.value;
}

const sale = (ownerId: Id, date: string, amount: number): Contribution<'sales'> => ({
	ownerId,
	at: at(date),
	key: 'sales',
	amount
});

describe('rollUp', () => {
	const lines: ReportingEntry[] = [
		{ id: '1', memberId: 'A', value: 'S1', from: '2024-01-01' },
		{ id: '2', memberId: 'B', value: 'S1', from: '2024-01-01' },
		{ id: '3', memberId: 'B', value: 'S2', from: '2025-02-15' },
		{ id: '4', memberId: 'C', value: 'S2', from: '2024-01-01' },
		{ id: '5', memberId: 'S1', value: 'D', from: '2024-01-01' },
		{ id: '6', memberId: 'S2', value: 'D', from: '2024-01-01' }
	];
	const facts = [
		sale('A', '2025-01-10', 100),
		sale('B', '2025-02-10', 200),
		sale('B', '2025-02-20', 300),
		sale('C', '2025-03-01', 400),
		sale('S1', '2025-03-02', 50),
		sale('A', '2025-04-01', 999),
		sale('A', '2024-12-31', 999)
	];
	const q1 = quarter('2025-01-01');
	const r = rollUp(facts, built(lines), q1);

	it('counts each fact for the team its owner was in on the fact’s date', () => {
		expect(r.own.get('B')).toEqual({ sales: 500 });
		expect(r.team.get('S1')).toEqual({ sales: 100 + 200 + 50 });
		expect(r.team.get('S2')).toEqual({ sales: 300 + 400 });
		expect(r.team.get('D')).toEqual({ sales: 1050 });
		expect(r.team.get('A')).toEqual({ sales: 100 });
		expect(r.own.get('D')).toBeUndefined();
	});
	it('leaves out facts outside the period and amounts that are not numbers', () => {
		const odd = rollUp(
			[sale('A', '2025-01-10', Number.NaN), sale('A', '2025-01-11', Infinity)],
			built(lines),
			q1
		);
		expect(odd.own.size).toBe(0);
		expect(r.own.get('A')).toEqual({ sales: 100 });
	});
	it('a period’s edges are midnight in the team zone', () => {
		const lateNight = { ...sale('A', '2025-03-31', 1), at: at('2025-04-01', 0) - 1 };
		const early = { ...sale('A', '2025-04-01', 1), at: at('2025-04-01', 0) };
		expect(rollUp([lateNight, early], built(lines), q1).own.get('A')).toEqual({ sales: 1 });
	});
	it('keeps keys apart', () => {
		const mixed: Contribution<'sales' | 'calls'>[] = [
			sale('A', '2025-01-10', 100),
			{ ownerId: 'A', at: at('2025-01-10'), key: 'calls', amount: 3 }
		];
		expect(rollUp(mixed, built(lines), q1).team.get('S1')).toEqual({ sales: 100, calls: 3 });
	});
});

/**
 * Acyclic by construction: member i may only report to a member of smaller index, on any date,
 * so every drawn history is a forest on every date while lines still move between managers.
 */
const MEMBERS = ['m0', 'm1', 'm2', 'm3', 'm4', 'm5'];
const DAY0 = Date.UTC(2024, 11, 1);
const dayArb = fc.nat({ max: 150 });
const iso = (d: number) => new Date(DAY0 + d * DAY_MS).toISOString().slice(0, 10);
const linesArb = fc
	.array(
		fc.record({
			member: fc.integer({ min: 1, max: 5 }),
			manager: fc.nat({ max: 4 }),
			top: fc.boolean(),
			day: dayArb
		}),
		{ maxLength: 16 }
	)
	.map((raw) =>
		raw.map((r, i): ReportingEntry => ({
			id: `l${i}`,
			memberId: MEMBERS[r.member] ?? 'm1',
			value: r.top ? null : (MEMBERS[r.manager % r.member] ?? null),
			from: iso(r.day)
		}))
	);
const factsArb = fc.array(
	fc.record({
		ownerId: fc.constantFrom(...MEMBERS),
		at: fc.integer({ min: DAY0, max: DAY0 + 150 * DAY_MS }),
		key: fc.constant('sales' as const),
		amount: fc.integer({ min: 0, max: 1000 })
	}),
	{ maxLength: 30 }
);

const flat = (m: Map<Id, object>) => JSON.stringify([...m].sort());

describe('laws of the roll-up', () => {
	const q1 = quarter('2025-01-01');

	it('a team total is the sum of the own facts of everyone under them on each fact’s date', () => {
		let moved = 0;
		fc.assert(
			fc.property(linesArb, factsArb, (lines, facts) => {
				const r = rollUp(facts, built(lines), q1);
				const managerOn = (m: Id, date: string) =>
					valueAt(
						lines.filter((l) => l.memberId === m),
						date
					) ?? null;
				const expected = new Map<Id, number>();
				let total = 0;
				for (const f of facts) {
					if (f.at < q1.startAt || f.at >= q1.endAt) continue;
					total += f.amount;
					const date = zonedIsoDate(ZONE, f.at);
					for (let m: Id | null = f.ownerId; m !== null; m = managerOn(m, date))
						expected.set(m, (expected.get(m) ?? 0) + f.amount);
				}
				for (const m of MEMBERS) expect(r.team.get(m)?.sales ?? 0).toBe(expected.get(m) ?? 0);
				const own = [...r.own.values()].reduce((s, f) => s + (f.sales ?? 0), 0);
				expect(own).toBe(total);
				if (new Set(lines.map((l) => l.memberId)).size < lines.length) moved += 1;
			}),
			{ numRuns: RUNS }
		);
		expect(moved).toBeGreaterThan(RUNS / 4);
	});

	it('moving a member after the period changes nothing in it', () => {
		let inside = 0;
		fc.assert(
			fc.property(
				linesArb,
				factsArb,
				fc.integer({ min: 1, max: 5 }),
				fc.nat({ max: 4 }),
				fc.nat({ max: 40 }),
				(lines, facts, member, manager, after) => {
					const move: ReportingEntry = {
						id: 'move',
						memberId: MEMBERS[member] ?? 'm1',
						value: MEMBERS[manager % member] ?? null,
						from: iso(121 + after)
					};
					expect(move.from >= q1.end).toBe(true);
					const before = rollUp(facts, built(lines), q1);
					expect(rollUp(facts, built([...lines, move]), q1)).toEqual(before);
					// The same move dated inside the period does change it, now and then.
					const early = rollUp(facts, built([...lines, { ...move, from: iso(after) }]), q1);
					if (flat(early.team) !== flat(before.team)) inside += 1;
				}
			),
			{ numRuns: RUNS }
		);
		expect(inside).toBeGreaterThan(RUNS / 10);
	});
});
