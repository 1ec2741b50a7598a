import { describe, expect, it } from 'vitest';
import { growthRecord } from './growth-record';

describe('the record promotion criteria are measured on', () => {
	it('takes each finished sales goal as its attainment in percent', () => {
		const r = growthRecord({
			salesGoals: [
				{ periodStart: '2026-01-01', target: 100_000_00, actual: 150_000_00 },
				{ periodStart: '2026-02-01', target: 100_000_00, actual: 0 },
				// No target to measure against, or nothing known: not a period that counts.
				{ periodStart: '2026-03-01', target: 0, actual: 5 },
				{ periodStart: '2026-04-01', target: 100, actual: null }
			],
			reviews: [],
			trainings: []
		});
		expect(r.attainments).toEqual([
			{ periodStart: '2026-01-01', pct: 150 },
			{ periodStart: '2026-02-01', pct: 0 }
		]);
	});

	it('counts only reviews the lead signed with a score, not trashed', () => {
		const base = { periodStart: '2026-01-01', score: 80, leadSignedAt: 1, trashedAt: null };
		const r = growthRecord({
			salesGoals: [],
			reviews: [
				base,
				{ ...base, periodStart: '2026-02-01', leadSignedAt: null },
				{ ...base, periodStart: '2026-03-01', score: null },
				{ ...base, periodStart: '2026-04-01', trashedAt: 5 }
			],
			trainings: []
		});
		expect(r.reviewScores).toEqual([{ periodStart: '2026-01-01', score: 80 }]);
	});

	it('counts a course done once, by any record that did not fail', () => {
		const r = growthRecord({
			salesGoals: [],
			reviews: [],
			trainings: [
				{ courseId: 'a', result: 'passed', trashedAt: null },
				{ courseId: 'a', result: 'attended', trashedAt: null },
				{ courseId: 'b', result: 'failed', trashedAt: null },
				{ courseId: 'c', result: 'passed', trashedAt: 9 },
				{ courseId: 'd', result: 'attended', trashedAt: null }
			]
		});
		expect(r.coursesDone).toEqual(['a', 'd']);
	});
});
