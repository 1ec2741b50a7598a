import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../shared/dates';
import { conversionFunnel, stageChangeOf, type StageChangeEntry } from './stage-history';
import { DEFAULT_STAGES, type StageDef } from './stages';

const START = Date.UTC(2025, 3, 1);
const SPAN = { startAt: START, endAt: START + 30 * DAY_MS };
const IN = START + DAY_MS;

const move = (dealId: string, from: string | null, to: string, at = IN): StageChangeEntry => ({
	dealId,
	from,
	to,
	at
});

describe('stageChangeOf', () => {
	it('records a move, and a creation with no stage left', () => {
		const deal = { id: 'd', customerId: 'c', ownerId: 'li', stage: 'lead' };
		expect(stageChangeOf(deal, 'proposal', 5)).toEqual({
			dealId: 'd',
			customerId: 'c',
			from: 'lead',
			to: 'proposal',
			at: 5,
			ownerId: 'li',
			trashedAt: null
		});
		expect(stageChangeOf({ ...deal, stage: null }, 'lead', 5)?.from).toBeNull();
		expect(stageChangeOf(deal, 'lead', 5)).toBeNull();
	});
});

describe('conversionFunnel', () => {
	it('counts a deal at every stage up to the furthest it reached', () => {
		const f = conversionFunnel(
			[
				move('a', null, 'lead'),
				move('a', 'lead', 'proposal'),
				move('b', null, 'lead'),
				move('c', null, 'lead'),
				move('c', 'lead', 'won'),
				move('d', 'negotiation', 'lost'),
				move('e', null, 'lead'),
				move('e', 'lead', 'lost')
			],
			SPAN
		);
		expect(f.rows).toEqual([
			{ stage: 'lead', entered: 4, reached: 4, conversion: null },
			{ stage: 'needs_confirmed', entered: 0, reached: 2, conversion: 0.5 },
			{ stage: 'proposal', entered: 1, reached: 2, conversion: 1 },
			{ stage: 'negotiation', entered: 0, reached: 1, conversion: 0.5 },
			{ stage: 'won', entered: 1, reached: 1, conversion: 1 }
		]);
		expect(f).toMatchObject({ lost: 2, lostFrom: { negotiation: 1, lead: 1 } });
	});
	it('leaves out moves outside the period, trashed ones and unknown stages', () => {
		const f = conversionFunnel(
			[
				move('a', null, 'lead', START - 1),
				move('a', 'lead', 'won', SPAN.endAt),
				{ ...move('b', null, 'lead'), trashedAt: 1 },
				move('c', null, 'retired_stage')
			],
			SPAN
		);
		expect(f.rows.every((r) => r.reached === 0 && r.conversion === null)).toBe(true);
		expect(f.lost).toBe(0);
	});
	it('a deal lost, reopened and lost again counts once, from its last stage', () => {
		const f = conversionFunnel(
			[
				move('a', 'lead', 'lost', IN),
				move('a', 'lost', 'proposal', IN + 1),
				move('a', 'proposal', 'lost', IN + 2)
			],
			SPAN
		);
		expect(f).toMatchObject({ lost: 1, lostFrom: { proposal: 1 } });
		expect(f.rows[2]).toMatchObject({ stage: 'proposal', reached: 1 });
	});
	it('follows the team’s own stages', () => {
		const stages: StageDef[] = [
			{ key: 'visit', probability: 20, kind: 'open' },
			{ key: 'signed', probability: 100, kind: 'won' },
			{ key: 'dropped', probability: 0, kind: 'lost' }
		];
		const f = conversionFunnel(
			[move('a', null, 'signed'), move('b', 'visit', 'dropped')],
			SPAN,
			stages
		);
		expect(f.rows.map((r) => [r.stage, r.reached])).toEqual([
			['visit', 1],
			['signed', 1]
		]);
		expect(f.lostFrom).toEqual({ visit: 1 });
	});
});

const KEYS = DEFAULT_STAGES.map((s) => s.key).concat('retired_stage');
const changeArb = fc.record({
	dealId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
	from: fc.option(fc.constantFrom(...KEYS)),
	to: fc.constantFrom(...KEYS),
	at: fc.integer({ min: START - 5 * DAY_MS, max: SPAN.endAt + 5 * DAY_MS })
});

describe('laws of the funnel', () => {
	it('never grows down the stages, converts at most all, and ignores order and outside moves', () => {
		let nonEmpty = 0;
		fc.assert(
			fc.property(fc.array(changeArb, { maxLength: 20 }), (changes) => {
				const f = conversionFunnel(changes, SPAN);
				const deals = new Set(changes.map((c) => c.dealId)).size;
				f.rows.forEach((r, i) => {
					expect(r.reached).toBeLessThanOrEqual(deals);
					expect(r.reached).toBeGreaterThanOrEqual(r.entered);
					if (i > 0) expect(r.reached).toBeLessThanOrEqual(f.rows[i - 1]?.reached ?? 0);
					if (r.conversion !== null) {
						expect(r.conversion).toBeGreaterThanOrEqual(0);
						expect(r.conversion).toBeLessThanOrEqual(1);
					}
				});
				expect(conversionFunnel([...changes].reverse(), SPAN)).toEqual(f);
				const inside = changes.filter((c) => c.at >= SPAN.startAt && c.at < SPAN.endAt);
				expect(conversionFunnel(inside, SPAN)).toEqual(f);
				if ((f.rows[0]?.reached ?? 0) > 0) nonEmpty += 1;
			}),
			{ numRuns: 1000 }
		);
		expect(nonEmpty).toBeGreaterThan(500);
	});
});
