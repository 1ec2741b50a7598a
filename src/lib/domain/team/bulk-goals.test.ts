import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS, type PeriodKind } from '../shared/dates';
import { bulkGoals, type BulkGoalInput, type BulkGoalRequest } from './bulk-goals';
import { valueAt, type DatedEntry, type MemberStatus } from './dated';

const SENIOR = '高级客户经理';
const JUNIOR = '客户经理';
const REQ: BulkGoalRequest = {
	level: SENIOR,
	metric: 'sales_amount',
	periodKind: 'quarter',
	periodStart: '2025-04-01',
	target: 50_000_000
};

let n = 0;
const level = (memberId: string, value: string, from: string): DatedEntry<string> => ({
	id: `l${n++}`,
	memberId,
	value,
	from
});
const status = (memberId: string, value: MemberStatus, from: string): DatedEntry<MemberStatus> => ({
	id: `s${n++}`,
	memberId,
	value,
	from
});

const INPUT: BulkGoalInput = {
	members: [
		{ id: 'li' },
		{ id: 'wang' },
		{ id: 'zhao' },
		{ id: 'qian' },
		{ id: 'gone', trashedAt: 1 }
	],
	levels: [
		level('li', SENIOR, '2024-01-01'),
		level('wang', JUNIOR, '2024-01-01'),
		level('wang', SENIOR, '2025-05-01'),
		level('zhao', SENIOR, '2024-06-01'),
		level('qian', SENIOR, '2024-06-01'),
		level('gone', SENIOR, '2024-01-01')
	],
	statuses: [status('qian', 'left', '2025-03-15'), status('zhao', 'on_leave', '2025-03-01')]
};

describe('bulkGoals', () => {
	it('sets one goal per member at the level on the period’s first day', () => {
		const r = bulkGoals(REQ, INPUT);
		expect(r).toEqual({
			ok: true,
			value: ['li', 'zhao'].map((ownerId) => ({
				id: `goal:${ownerId}:sales_amount:quarter:2025-04-01`,
				ownerId,
				metric: 'sales_amount',
				periodKind: 'quarter',
				periodStart: '2025-04-01',
				target: 50_000_000,
				scope: 'own'
			}))
		});
	});
	it('a team goal for every supervisor gets its own ids', () => {
		const r = bulkGoals({ ...REQ, scope: 'team' }, INPUT);
		expect(r.ok && r.value.map((g) => g.id)).toEqual([
			'goal:li:sales_amount:quarter:2025-04-01:team',
			'goal:zhao:sales_amount:quarter:2025-04-01:team'
		]);
	});
	it('refuses a bad request with a code per field', () => {
		expect(
			bulkGoals(
				{
					level: ' ',
					metric: 'luck' as 'sales_amount',
					periodKind: 'week' as PeriodKind,
					periodStart: '2025-04-01',
					target: -1
				},
				INPUT
			)
		).toEqual({
			ok: false,
			errors: [
				{ field: 'level', code: 'level_required' },
				{ field: 'metric', code: 'metric_invalid' },
				{ field: 'periodStart', code: 'period_invalid' },
				{ field: 'target', code: 'target_invalid' }
			]
		});
		expect(bulkGoals({ ...REQ, periodStart: '2025-04-31', target: Number.NaN }, INPUT)).toEqual({
			ok: false,
			errors: [
				{ field: 'periodStart', code: 'period_invalid' },
				{ field: 'target', code: 'target_invalid' }
			]
		});
	});
	it('says when nobody holds the level', () => {
		expect(bulkGoals({ ...REQ, level: '销售主管' }, INPUT)).toEqual({
			ok: false,
			errors: [{ field: 'level', code: 'no_members_at_level' }]
		});
	});
});

const DAY0 = Date.UTC(2025, 0, 1);
const dateArb = fc
	.nat({ max: 180 })
	.map((d) => new Date(DAY0 + d * DAY_MS).toISOString().slice(0, 10));
const MEMBERS = ['m0', 'm1', 'm2', 'm3', 'm4'];
const inputArb = fc.record({
	levels: fc.array(
		fc.record({
			memberId: fc.constantFrom(...MEMBERS),
			value: fc.constantFrom(SENIOR, JUNIOR),
			from: dateArb
		}),
		{ maxLength: 12 }
	),
	statuses: fc.array(
		fc.record({
			memberId: fc.constantFrom(...MEMBERS),
			value: fc.constantFrom<MemberStatus>('active', 'on_leave', 'left'),
			from: dateArb
		}),
		{ maxLength: 6 }
	)
});
const withIds = <T>(list: T[], prefix: string) =>
	list.map((r, i) => ({ ...r, id: `${prefix}${i}` }));

describe('laws of bulk goals', () => {
	it('exactly the members at the level and not gone on the first day, whatever the order', () => {
		let some = 0;
		fc.assert(
			fc.property(inputArb, dateArb, fc.boolean(), (raw, start, reversed) => {
				const levels = withIds(raw.levels, 'l');
				const statuses = withIds(raw.statuses, 's');
				const req = { ...REQ, periodKind: 'month' as const, periodStart: start };
				const members = MEMBERS.map((id) => ({ id }));
				const order = <T>(l: T[]) => (reversed ? [...l].reverse() : l);
				const r = bulkGoals(req, {
					members: order(members),
					levels: order(levels),
					statuses: order(statuses)
				});
				const expected = MEMBERS.filter(
					(m) =>
						valueAt(
							levels.filter((l) => l.memberId === m),
							start
						) === SENIOR &&
						valueAt(
							statuses.filter((s) => s.memberId === m),
							start
						) !== 'left'
				);
				if (expected.length === 0) {
					expect(r.ok).toBe(false);
					return;
				}
				some += 1;
				expect(r.ok && r.value.map((g) => g.ownerId)).toEqual(expected);
				// Any device that sets the same goals makes the same ids.
				const again = bulkGoals(req, { members, levels: [...levels].reverse(), statuses });
				expect(again).toEqual(r);
				// A promotion after the first day changes nobody's goal for that period.
				const later = [
					...levels,
					...MEMBERS.map((m, i) => ({
						id: `p${i}`,
						memberId: m,
						value: SENIOR,
						from: '2025-07-01'
					}))
				];
				expect(bulkGoals(req, { members, levels: later, statuses })).toEqual(r);
			}),
			{ numRuns: 1000 }
		);
		expect(some).toBeGreaterThan(100);
	});
});
