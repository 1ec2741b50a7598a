import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../shared/dates';
import type { Id } from '../shared/types';
import { valueAt } from './dated';
import {
	Hierarchy,
	findReportingCycles,
	validateReportingLine,
	type ReportingEntry
} from './hierarchy';
import { zonedIsoDateStart } from './zone';

const RUNS = 1000;
const ZONE = 'Asia/Shanghai';
let n = 0;
function line(memberId: Id, value: Id | null, from: string, id = `r${n++}`): ReportingEntry {
	return { id, memberId, value, from };
}
const at = (date: string) => zonedIsoDateStart(ZONE, date) ?? Number.NaN;

function built(lines: ReportingEntry[]): Hierarchy {
	const r = Hierarchy.build(lines, ZONE);
	if (!r.ok) throw new Error('cycle');
	return r.value;
}

describe('findReportingCycles', () => {
	it('finds a loop with the first day it is in force', () => {
		const lines = [line('A', 'B', '2025-01-01'), line('B', 'A', '2025-02-01')];
		expect(findReportingCycles(lines)).toEqual([{ from: '2025-02-01', members: ['A', 'B'] }]);
	});
	it('finds someone reporting to themselves', () => {
		expect(findReportingCycles([line('A', 'A', '2025-01-01')])).toEqual([
			{ from: '2025-01-01', members: ['A'] }
		]);
	});
	it('a swap made on one day is no loop', () => {
		const lines = [
			line('A', 'B', '2025-01-01'),
			line('B', null, '2025-01-01'),
			line('B', 'A', '2025-03-01'),
			line('A', null, '2025-03-01')
		];
		expect(findReportingCycles(lines)).toEqual([]);
	});
	it('a loop broken later is still reported, from its first day', () => {
		const lines = [
			line('C', 'A', '2025-01-01'),
			line('A', 'B', '2025-01-01'),
			line('B', 'C', '2025-02-01'),
			line('B', null, '2025-03-01')
		];
		expect(findReportingCycles(lines)).toEqual([{ from: '2025-02-01', members: ['A', 'B', 'C'] }]);
	});
	it('ignores trashed lines', () => {
		const lines = [line('A', 'B', '2025-01-01'), { ...line('B', 'A', '2025-02-01'), trashedAt: 1 }];
		expect(findReportingCycles(lines)).toEqual([]);
	});
});

describe('validateReportingLine', () => {
	const stored = [line('A', 'B', '2025-01-01'), line('B', null, '2025-01-01')];
	it('accepts a line that keeps a forest', () => {
		expect(validateReportingLine(stored, line('C', 'A', '2025-02-01'))).toEqual([]);
	});
	it('refuses reporting to oneself and closing a loop', () => {
		expect(validateReportingLine(stored, line('C', 'C', '2025-02-01'))).toEqual([
			{ field: 'value', code: 'reports_to_self' }
		]);
		expect(validateReportingLine(stored, line('B', 'A', '2025-06-01'))).toEqual([
			{ field: 'value', code: 'reporting_cycle' }
		]);
	});
	it('an edit replaces the stored record it edits', () => {
		const edit = { ...stored[0], value: null } as ReportingEntry;
		expect(validateReportingLine([...stored, line('B', 'A', '2025-06-01')], edit)).toEqual([]);
	});
	it('does not blame a new line for a loop already stored', () => {
		const looped = [line('X', 'Y', '2025-01-01'), line('Y', 'X', '2025-01-01')];
		expect(validateReportingLine(looped, line('C', 'A', '2025-02-01'))).toEqual([]);
	});
	it('checks the member and the date first', () => {
		expect(validateReportingLine(stored, line('', 'A', 'soon'))).toEqual([
			{ field: 'memberId', code: 'member_required' },
			{ field: 'from', code: 'from_invalid' }
		]);
	});
});

describe('Hierarchy', () => {
	const lines = [
		line('S1', null, '2024-01-01'),
		line('S2', null, '2024-01-01'),
		line('A', 'S1', '2024-01-01'),
		line('B', 'S1', '2024-01-01'),
		line('B', 'S2', '2025-02-15'),
		line('C', 'S2', '2024-06-01')
	];
	const h = built(lines);
	it('is refused when the lines loop', () => {
		const r = Hierarchy.build([...lines, line('S1', 'A', '2025-05-01')], ZONE);
		expect(r.ok).toBe(false);
		expect(r.ok ? [] : r.errors).toEqual([{ field: 'reportsTo', code: 'reporting_cycle' }]);
		expect(r.cycles).toEqual([{ from: '2025-05-01', members: ['A', 'S1'] }]);
	});
	it('follows a move at midnight in the team zone', () => {
		expect(h.managerAt('B', at('2025-02-15') - 1)).toBe('S1');
		expect(h.managerAt('B', at('2025-02-15'))).toBe('S2');
		expect(h.chainAt('B', at('2025-03-01'))).toEqual(['B', 'S2']);
		expect(h.managerAt('C', at('2024-05-31'))).toBeNull();
		expect(h.chainAt('nobody', 0)).toEqual(['nobody']);
	});
	it('lists everyone under a manager at an instant', () => {
		expect(h.reportsAt('S1', at('2025-02-01')).sort()).toEqual(['A', 'B']);
		expect(h.reportsAt('S1', at('2025-03-01'))).toEqual(['A']);
		expect(h.reportsAt('S2', at('2025-03-01')).sort()).toEqual(['B', 'C']);
	});
	it('is steady over a span only when no line changes inside it', () => {
		const span = (from: string, to: string) => ({ startAt: at(from), endAt: at(to) });
		// B moves on 15 February: February holds the move, March and a span ending at it do not.
		expect(h.steadyOver(span('2025-02-01', '2025-03-01'))).toBe(false);
		expect(h.steadyOver(span('2025-03-01', '2025-04-01'))).toBe(true);
		expect(h.steadyOver(span('2025-02-01', '2025-02-15'))).toBe(true);
		expect(h.steadyOver(span('2025-02-15', '2025-03-01'))).toBe(true);
		expect(h.steadyOver(span('2025-02-14', '2025-02-16'))).toBe(false);
	});
	it('chains go up through several levels', () => {
		const deep = built([line('A', 'B', '2025-01-01'), line('B', 'C', '2025-01-01')]);
		expect(deep.chainAt('A', at('2025-01-02'))).toEqual(['A', 'B', 'C']);
		expect(deep.reportsAt('C', at('2025-01-02')).sort()).toEqual(['A', 'B']);
	});
});

/** Members 0..5; a line may name any member, so loops are drawn as well as forests. */
const DAY0 = Date.UTC(2025, 0, 1);
const dateArb = fc
	.nat({ max: 60 })
	.map((d) => new Date(DAY0 + d * DAY_MS).toISOString().slice(0, 10));
const anyLinesArb = fc.array(
	fc.record({
		memberId: fc.nat({ max: 5 }).map((i) => `m${i}`),
		value: fc.option(
			fc.nat({ max: 5 }).map((i) => `m${i}`),
			{ freq: 4 }
		),
		from: dateArb
	}),
	{ maxLength: 14 }
);

describe('law: cycles', () => {
	it('a reported loop is real on its date, and without one every chain ends', () => {
		let looped = 0;
		fc.assert(
			fc.property(anyLinesArb, (raw) => {
				const lines = raw.map((r, i) => ({ ...r, id: `l${i}` }));
				const byMember = (m: Id) => lines.filter((l) => l.memberId === m);
				const managerOn = (m: Id, date: string) => valueAt(byMember(m), date) ?? null;
				const cycles = findReportingCycles(lines);
				for (const c of cycles) {
					c.members.forEach((m, i) => {
						expect(managerOn(m, c.from)).toBe(c.members[(i + 1) % c.members.length]);
					});
				}
				const h = Hierarchy.build(lines, ZONE);
				expect(h.ok).toBe(cycles.length === 0);
				if (cycles.length) looped += 1;
				if (!h.ok) return;
				for (const l of lines) {
					for (const date of [l.from]) {
						const chain = h.value.chainAt(l.memberId, at(date));
						expect(new Set(chain).size).toBe(chain.length);
						chain.slice(1).forEach((m, i) => expect(managerOn(chain[i] ?? '', date)).toBe(m));
						expect(managerOn(chain.at(-1) ?? '', date)).toBeNull();
					}
				}
			}),
			{ numRuns: RUNS }
		);
		expect(looped).toBeGreaterThan(RUNS / 10);
	});
});
