import { describe, expect, it } from 'vitest';
import {
	checkLadderLevel,
	ladderOf,
	levelDraft,
	movedRanks,
	nextRank,
	type LadderLevel,
	type LadderLevelDraft
} from './ladder-level';

const meta = {
	created: { hlc: '000001700000000:0000:d', by: 'lead' },
	updated: '000001700000000:0000:d'
};
const blank: LadderLevelDraft = levelDraft('');
const level = (
	id: string,
	name: string,
	rank: number,
	over: Partial<LadderLevel> = {}
): LadderLevel => ({
	...blank,
	id,
	name,
	rank,
	trashedAt: null,
	_meta: meta,
	...over
});

const STORED = [
	level('senior', '高级客户经理', 1, {
		monthsAtLevel: 12,
		attainmentPeriods: 3,
		attainmentMinPct: 100,
		minReviewScore: 85,
		trainingCount: 3,
		trainingCourseIds: ['compliance-1']
	}),
	level('am', '客户经理', 0),
	level('gone', '实习生', -1, { trashedAt: 5 })
];

describe('ladderOf', () => {
	it('orders the live levels by rank and gathers their criteria', () => {
		expect(ladderOf(STORED)).toEqual([
			{
				id: 'am',
				name: '客户经理',
				criteria: { monthsAtLevel: null, attainment: null, minReviewScore: null, trainings: null }
			},
			{
				id: 'senior',
				name: '高级客户经理',
				criteria: {
					monthsAtLevel: 12,
					attainment: { periods: 3, minPct: 100 },
					minReviewScore: 85,
					trainings: { count: 3, courseIds: ['compliance-1'] }
				}
			}
		]);
	});
	it('breaks a tie of ranks by id, whatever the order stored', () => {
		const tie = [level('b', 'B', 2), level('a', 'A', 2)];
		expect(ladderOf(tie).map((l) => l.id)).toEqual(['a', 'b']);
		expect(ladderOf([...tie].reverse()).map((l) => l.id)).toEqual(['a', 'b']);
	});
});

describe('checkLadderLevel', () => {
	const codes = (d: Partial<LadderLevelDraft>, id = 'new') =>
		checkLadderLevel({ ...blank, ...d }, id, STORED).map((e) => `${e.field}:${e.code}`);
	it('accepts a named level with sound criteria', () => {
		expect(
			codes({ name: '销售主管', monthsAtLevel: 24, attainmentPeriods: 6, attainmentMinPct: 90 })
		).toEqual([]);
	});
	it('refuses a missing, taken or overlong name; its own name is not taken', () => {
		expect(codes({ name: '  ' })).toEqual(['name:level_name_required']);
		expect(codes({ name: '客户经理' })).toEqual(['name:level_name_duplicate']);
		expect(codes({ name: '客户经理' }, 'am')).toEqual([]);
		// A trashed level's name is free again.
		expect(codes({ name: '实习生' })).toEqual([]);
		expect(codes({ name: 'x'.repeat(61) })).toEqual(['name:level_name_too_long']);
	});
	it('names each bad criterion by its field', () => {
		expect(
			codes({
				name: '销售主管',
				monthsAtLevel: 1.5,
				attainmentPeriods: 3,
				minReviewScore: -1,
				trainingCount: -2
			})
		).toEqual([
			'monthsAtLevel:criterion_invalid',
			'attainmentMinPct:criterion_invalid',
			'minReviewScore:criterion_invalid',
			'trainingCount:criterion_invalid'
		]);
		expect(codes({ name: '销售主管', attainmentPeriods: 0, attainmentMinPct: 90 })).toEqual([
			'attainmentMinPct:criterion_invalid'
		]);
	});
});

describe('ranks', () => {
	it('puts a new level on top', () => {
		expect(nextRank(STORED)).toBe(2);
		expect(nextRank([])).toBe(0);
	});
	it('moves a level by swapping it with its neighbour, renumbering a tie', () => {
		expect(movedRanks(STORED, 'am', 1)).toEqual([
			{ id: 'senior', rank: 0 },
			{ id: 'am', rank: 1 }
		]);
		expect(movedRanks(STORED, 'am', -1)).toEqual([]);
		expect(movedRanks(STORED, 'senior', 1)).toEqual([]);
		expect(movedRanks(STORED, 'nowhere', 1)).toEqual([]);
		const tie = [level('a', 'A', 2), level('b', 'B', 2), level('c', 'C', 5)];
		expect(movedRanks(tie, 'c', -1)).toEqual([
			{ id: 'a', rank: 0 },
			{ id: 'c', rank: 1 }
		]);
	});
});
