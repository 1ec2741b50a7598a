import { describe, expect, it } from 'vitest';
import type { Review } from './review';
import { readReview } from './review-read';
import { DEFAULT_SCORECARD } from './scorecard';

const meta = { created: { hlc: '1', by: 'lead' }, updated: '1' };

describe('a stored review as the app reads it', () => {
	it('keeps a well-formed review as it is', () => {
		const r: Review = {
			id: 'review:m1:month:2026-03-01',
			_meta: meta,
			memberId: 'm1',
			periodKind: 'month',
			periodStart: '2026-03-01',
			scorecard: DEFAULT_SCORECARD,
			kpis: [{ metric: 'sales_amount', target: 100, actual: null }],
			ratings: { teamwork: { rating: 4, comment: '好' } },
			strengths: '勤奋',
			plan: [{ id: 'a1', text: '复盘', due: '2026-04-01', done: true }],
			notes: '',
			score: 80,
			reviewerId: 'lead',
			at: 5,
			leadSignedAt: 6,
			memberSignedAt: null,
			memberComment: '',
			trashedAt: null
		};
		expect(readReview(r)).toEqual(r);
	});

	it('gives a record of an older version, or a hand-made one, what it lacks', () => {
		const old = {
			id: 'r1',
			_meta: meta,
			memberId: 'm1',
			periodKind: 'fortnight',
			periodStart: '2026-03-01',
			score: 4,
			notes: '跟进及时',
			reviewerId: 'lead',
			at: 5,
			trashedAt: null,
			kpis: [
				{ metric: 'luck', target: 1, actual: 1 },
				{ metric: 'follow_ups', target: '9' }
			],
			ratings: { teamwork: 'five', communication: { rating: '5', comment: 3 } },
			plan: [{ text: 'no id' }, { id: 'a2', text: '拜访', due: '2026-04-01', done: 'yes' }]
		} as unknown as Review;
		expect(readReview(old)).toEqual({
			...old,
			periodKind: 'month',
			scorecard: DEFAULT_SCORECARD,
			kpis: [{ metric: 'follow_ups', target: null, actual: null }],
			ratings: { communication: { rating: null, comment: '' } },
			strengths: '',
			plan: [{ id: 'a2', text: '拜访', due: '2026-04-01', done: false }],
			leadSignedAt: null,
			memberSignedAt: null,
			memberComment: ''
		});
	});
});
