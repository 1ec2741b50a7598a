import { describe, expect, it } from 'vitest';
import type { ReviewContent } from './review';
import {
	ACTION_TEXT_MAX,
	COMMENT_MAX,
	PLAN_MAX,
	STRENGTHS_MAX,
	contentErrors,
	normalizeContent,
	ratingValues
} from './review-content';
import type { Scorecard } from './scorecard';

const CARD: Scorecard = {
	kpis: [{ metric: 'sales_amount', weight: 60 }],
	ratings: [
		{ criterion: 'communication', weight: 20 },
		{ criterion: 'teamwork', weight: 20 }
	],
	cap: 120
};
const START = '2026-03-01';

const content = (patch: Partial<ReviewContent> = {}): ReviewContent => ({
	ratings: {},
	strengths: '',
	plan: [],
	notes: '',
	...patch
});

const codes = (c: ReviewContent, complete = false) =>
	contentErrors(CARD, normalizeContent(CARD, c), START, complete).map(
		(e) => `${e.field}:${e.code}`
	);

describe('review content', () => {
	it('trims the texts and keeps only the scorecard’s criteria', () => {
		const c = normalizeContent(
			CARD,
			content({
				ratings: {
					communication: { rating: 4, comment: '  清楚 ' },
					retired_criterion: { rating: 2, comment: '' }
				},
				strengths: ' 客户关系 ',
				notes: '\n总体不错\n',
				plan: [{ id: 'a1', text: ' 复盘丢单 ', due: ' 2026-04-30 ', done: false }]
			})
		);
		expect(c).toEqual({
			ratings: { communication: { rating: 4, comment: '清楚' } },
			strengths: '客户关系',
			notes: '总体不错',
			plan: [{ id: 'a1', text: '复盘丢单', due: '2026-04-30', done: false }]
		});
		expect(ratingValues(c)).toEqual({ communication: 4 });
	});

	it('lets a draft leave ratings out, but not the sign-off', () => {
		const partial = content({ ratings: { communication: { rating: 5, comment: '' } } });
		expect(codes(partial)).toEqual([]);
		expect(codes(partial, true)).toEqual(['ratings.teamwork:rating_missing']);
		const unrated = content({ ratings: { teamwork: { rating: null, comment: 'later' } } });
		expect(codes(unrated, true)).toEqual([
			'ratings.communication:rating_missing',
			'ratings.teamwork:rating_missing'
		]);
	});

	it('wants whole ratings from 1 to 5', () => {
		for (const rating of [0, 6, 3.5, -1, Number.NaN])
			expect(
				codes(content({ ratings: { communication: { rating, comment: '' } } })),
				String(rating)
			).toEqual(['ratings.communication:rating_invalid']);
		for (const rating of [1, 5])
			expect(codes(content({ ratings: { communication: { rating, comment: '' } } }))).toEqual([]);
	});

	it('caps the lengths of comments, strengths and notes', () => {
		const long = (n: number) => '好'.repeat(n);
		expect(
			codes(
				content({
					ratings: { teamwork: { rating: 3, comment: long(COMMENT_MAX + 1) } },
					strengths: long(STRENGTHS_MAX + 1),
					notes: long(2001)
				})
			)
		).toEqual([
			'comments.teamwork:comment_too_long',
			'strengths:strengths_too_long',
			'notes:notes_too_long'
		]);
		expect(
			codes(
				content({
					ratings: { teamwork: { rating: 3, comment: long(COMMENT_MAX) } },
					strengths: long(STRENGTHS_MAX)
				})
			)
		).toEqual([]);
	});

	it('wants each action to say what and by a real date, not before the period', () => {
		const plan = [
			{ id: 'a1', text: '  ', due: '2026-04-01', done: false },
			{ id: 'a2', text: 'x'.repeat(ACTION_TEXT_MAX + 1), due: '2026-02-30', done: false },
			{ id: 'a3', text: '拜访三家老客户', due: '', done: false },
			{ id: 'a4', text: '整理报价模板', due: '2026-02-28', done: false },
			{ id: 'a5', text: '参加产品培训', due: START, done: true }
		];
		expect(codes(content({ plan }))).toEqual([
			'actions.0.text:action_text_required',
			'actions.1.text:action_text_too_long',
			'actions.1.due:action_due_invalid',
			'actions.2.due:action_due_invalid',
			'actions.3.due:action_due_before_period'
		]);
	});

	it('holds a plan to a number of actions', () => {
		const action = (i: number) => ({ id: `a${i}`, text: '跟进', due: '2026-04-01', done: false });
		const full = Array.from({ length: PLAN_MAX }, (_, i) => action(i));
		expect(codes(content({ plan: full }))).toEqual([]);
		expect(codes(content({ plan: [...full, action(99)] }))).toEqual(['plan:plan_too_long']);
	});
});
