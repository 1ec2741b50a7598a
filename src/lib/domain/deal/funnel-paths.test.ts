import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstDayOfMonth, localDayStartAt } from '../reports/tallies';
import {
	FunnelDeltas,
	funnelFromTallies,
	funnelTalliesOf,
	type FunnelTally,
	type PathMove
} from './funnel-paths';
import { conversionFunnel } from './stage-history';
import { DEFAULT_STAGES, type StageDef } from './stages';

const OFFSET = 480;
// Months since 1970 of November and December 2026, and their spans in Shanghai.
const NOV = (2026 - 1970) * 12 + 10;
const monthSpan = (month: number) => ({
	startAt: localDayStartAt(firstDayOfMonth(month), OFFSET),
	endAt: localDayStartAt(firstDayOfMonth(month + 1), OFFSET)
});
const MONTHS = [NOV - 1, NOV, NOV + 1];
const FIRST = monthSpan(NOV - 1).startAt;
const LAST = monthSpan(NOV + 1).endAt;

// Two lost stages and a stage no longer configured, so the settings decide what a path gives.
const STAGES: readonly StageDef[] = [
	...DEFAULT_STAGES,
	{ key: 'dropped', probability: 0, kind: 'lost' }
];
const KEYS = [...STAGES.map((s) => s.key), 'retired'];
const OWNERS = ['m1', 'm2', 'm3'];

const moveArb: fc.Arbitrary<PathMove> = fc.record({
	dealId: fc.constantFrom('a', 'b', 'c', 'd'),
	ownerId: fc.constantFrom(...OWNERS),
	from: fc.option(fc.constantFrom(...KEYS)),
	// Losses often, so that two of one deal fall at one instant.
	to: fc.oneof(
		{ arbitrary: fc.constantFrom(...KEYS), weight: 2 },
		{ arbitrary: fc.constantFrom('lost', 'dropped'), weight: 1 }
	),
	// Few distinct instants, so that ties (two moves at one instant) happen.
	at: fc.oneof(
		{ arbitrary: fc.integer({ min: FIRST, max: LAST - 1 }), weight: 1 },
		{
			arbitrary: fc.constantFrom(
				FIRST,
				monthSpan(NOV).startAt,
				monthSpan(NOV).startAt - 1,
				LAST - 1
			),
			weight: 3
		}
	),
	trashedAt: fc.option(fc.constant(1), { freq: 6 })
});

/** The funnel from the tallies of one month, as the repository reads it. */
function fromTallies(
	tallies: FunnelTally[],
	moves: PathMove[],
	month: number,
	owners: ReadonlySet<string>,
	stages: readonly StageDef[]
) {
	const inMonth = tallies.filter((t) => t.k[1] === month && t.n > 0);
	const marked = new Set(inMonth.flatMap((t) => (t.k[0] === 'M' ? [t.k[2]] : [])));
	return funnelFromTallies(
		inMonth,
		moves.filter((m) => marked.has(m.dealId)),
		owners,
		monthSpan(month),
		stages
	);
}

describe('the funnel from path tallies', () => {
	it('equals the funnel from the moves, for any roster, month and stage settings', () => {
		fc.assert(
			fc.property(
				fc.array(moveArb, { maxLength: 40 }),
				fc.subarray(['a', 'b', 'c', 'd']),
				fc.subarray(OWNERS, { minLength: 1 }),
				fc.constantFrom(...MONTHS),
				fc.constantFrom(STAGES, DEFAULT_STAGES),
				(moves, trashedList, roster, month, stages) => {
					const trashed = new Set(trashedList);
					const owners = new Set(roster);
					const tallies = funnelTalliesOf(moves, trashed, OFFSET);
					const expected = conversionFunnel(
						moves.filter((m) => owners.has(m.ownerId) && !trashed.has(m.dealId)),
						monthSpan(month),
						stages
					);
					expect(fromTallies(tallies, moves, month, owners, stages)).toEqual(expected);
				}
			),
			{ numRuns: 400 }
		);
	});

	it('kept by deltas, one deal at a time, equal the tallies built from nothing', () => {
		fc.assert(
			fc.property(fc.array(fc.tuple(moveArb, fc.boolean()), { maxLength: 30 }), (steps) => {
				// Each step adds a move, then puts its deal in or out of the trash.
				const moves: PathMove[] = [];
				const trashed = new Set<string>();
				const sums = new Map<string, FunnelTally>();
				for (const [move, trash] of steps) {
					const deltas = new FunnelDeltas();
					const own = () => moves.filter((m) => m.dealId === move.dealId);
					deltas.add(move.dealId, own(), trashed.has(move.dealId), -1, OFFSET);
					moves.push(move);
					if (trash) trashed.add(move.dealId);
					else trashed.delete(move.dealId);
					deltas.add(move.dealId, own(), trashed.has(move.dealId), 1, OFFSET);
					for (const d of deltas.list()) {
						const id = JSON.stringify(d.k);
						const n = (sums.get(id)?.n ?? 0) + d.n;
						sums.set(id, { ...d, n });
					}
				}
				const kept = [...sums.values()].filter((t) => t.n !== 0);
				const key = (t: FunnelTally) => JSON.stringify(t.k);
				const sort = (l: FunnelTally[]) => [...l].sort((a, b) => (key(a) < key(b) ? -1 : 1));
				expect(sort(kept)).toEqual(sort(funnelTalliesOf(moves, trashed, OFFSET)));
				expect(kept.every((t) => t.n > 0)).toBe(true);
			}),
			{ numRuns: 300 }
		);
	});

	it('counts by hand: a path, a hand-over and a deal in the trash', () => {
		const at = monthSpan(NOV).startAt + 1000;
		const moves: PathMove[] = [
			// x: lead → proposal → lost by m1; its path has three stages.
			{ dealId: 'x', ownerId: 'm1', from: null, to: 'lead', at },
			{ dealId: 'x', ownerId: 'm1', from: 'lead', to: 'proposal', at: at + 1 },
			{ dealId: 'x', ownerId: 'm1', from: 'proposal', to: 'lost', at: at + 2 },
			// y: the same path by m1.
			{ dealId: 'y', ownerId: 'm1', from: null, to: 'lead', at },
			{ dealId: 'y', ownerId: 'm1', from: 'lead', to: 'proposal', at: at + 1 },
			{ dealId: 'y', ownerId: 'm1', from: 'proposal', to: 'lost', at: at + 2 },
			// z: created by m1, won by m2: a marker.
			{ dealId: 'z', ownerId: 'm1', from: null, to: 'lead', at },
			{ dealId: 'z', ownerId: 'm2', from: 'lead', to: 'won', at: at + 5 },
			// w: lost twice at one instant; the funnel counts it lost from the greater stage left.
			{ dealId: 'w', ownerId: 'm2', from: 'negotiation', to: 'lost', at: at + 9 },
			{ dealId: 'w', ownerId: 'm2', from: 'lead', to: 'lost', at: at + 9 },
			// t: in the trash.
			{ dealId: 't', ownerId: 'm1', from: null, to: 'lead', at }
		];
		const tallies = funnelTalliesOf(moves, new Set(['t']), OFFSET);
		const path = JSON.stringify([
			['lead', ''],
			['proposal', 'lead'],
			['lost', 'proposal']
		]);
		expect(tallies).toEqual([
			{ k: ['P', NOV, 'm1', path], n: 2, minor: 0, weighted: 0 },
			{ k: ['M', NOV, 'z'], n: 1, minor: 0, weighted: 0 },
			{
				k: ['P', NOV, 'm2', JSON.stringify([['lost', 'negotiation']])],
				n: 1,
				minor: 0,
				weighted: 0
			}
		]);
		const funnel = fromTallies(tallies, moves, NOV, new Set(['m2']), DEFAULT_STAGES);
		// m2 alone: z reached won, so every stage up to it.
		expect(funnel.rows.map((r) => r.reached)).toEqual([1, 1, 1, 1, 1]);
		expect(funnel.rows.map((r) => r.entered)).toEqual([0, 0, 0, 0, 1]);
		expect(funnel.lostFrom).toEqual({ negotiation: 1 });
		const both = fromTallies(tallies, moves, NOV, new Set(['m1', 'm2']), DEFAULT_STAGES);
		expect(both.rows.map((r) => r.reached)).toEqual([3, 3, 3, 1, 1]);
		expect(both.lost).toBe(3);
		expect(both.lostFrom).toEqual({ proposal: 2, negotiation: 1 });
	});
});
