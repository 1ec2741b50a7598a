import { describe, expect, it } from 'vitest';
import type { PeriodReviews } from '$lib/db/repos/review-period';
import type { Review } from '$lib/domain/review/review';
import type { Scorecard } from '$lib/domain/review/scorecard';
import { i18n } from '$lib/i18n/i18n.svelte';
import { reviewCsvRows } from './review-csv';

const TEAM_CARD: Scorecard = {
	kpis: [{ metric: 'sales_amount', weight: 70 }],
	ratings: [{ criterion: 'teamwork', weight: 30 }],
	cap: 120
};
/** The card an earlier review was signed with: one KPI and one criterion the team's lacks. */
const OLD_CARD: Scorecard = {
	kpis: [
		{ metric: 'sales_amount', weight: 50 },
		{ metric: 'complaint_rate', weight: 20 }
	],
	ratings: [{ criterion: 'custom_1', weight: 30, label: '拜访质量' }],
	cap: 120
};

const review = (patch: Partial<Review>): Review => ({
	id: 'review:m1:month:2026-03-01',
	_meta: { created: { hlc: '1', by: 'lead' }, updated: '1' },
	memberId: 'm1',
	periodKind: 'month',
	periodStart: '2026-03-01',
	scorecard: OLD_CARD,
	kpis: [
		{ metric: 'sales_amount', target: 1000, actual: 1250 },
		{ metric: 'complaint_rate', target: 2, actual: 0 }
	],
	ratings: { custom_1: { rating: 4, comment: '' } },
	strengths: '勤奋',
	plan: [
		{ id: 'a1', text: '复盘丢单', due: '2026-04-30', done: false },
		{ id: 'a2', text: '产品培训', due: '2026-04-15', done: true }
	],
	notes: '',
	score: 112.5,
	reviewerId: 'lead',
	at: Date.UTC(2026, 3, 2),
	leadSignedAt: Date.UTC(2026, 3, 2),
	memberSignedAt: null,
	memberComment: '',
	trashedAt: null,
	...patch
});

const data = (): PeriodReviews => ({
	kind: 'month',
	period: {
		kind: 'month',
		zone: 'Asia/Shanghai',
		start: '2026-03-01',
		end: '2026-04-01',
		startAt: Date.UTC(2026, 1, 28, 16),
		endAt: Date.UTC(2026, 2, 31, 16)
	},
	scorecard: TEAM_CARD,
	rows: [
		{
			memberId: 'm1',
			memberName: '李娜',
			reviewId: 'review:m1:month:2026-03-01',
			review: review({}),
			state: 'lead_signed'
		},
		{
			memberId: 'm2',
			memberName: '王强',
			reviewId: 'review:m2:month:2026-03-01',
			review: null,
			state: 'not_started'
		}
	]
});

describe('a period’s reviews as CSV', () => {
	it('has the team’s columns, then those a signed review kept, one row per member', async () => {
		await i18n.setLocale('en');
		const [header, li, wang] = reviewCsvRows(data());
		expect(header).toEqual([
			'Member',
			'Period',
			'Period start',
			'State',
			'Score',
			'Sales amount attainment',
			'Complaint rate attainment',
			'Teamwork rating',
			'拜访质量 rating',
			'Strengths',
			'Improvement plan',
			'Lead signed',
			'Member signed',
			'Member’s comment'
		]);
		expect(li).toEqual([
			'李娜',
			'Month: March 2026',
			'2026-03-01',
			'Signed by the lead',
			'112.5',
			'125%',
			'∞',
			'',
			'4',
			'勤奋',
			'复盘丢单 (2026-04-30); 产品培训 (2026-04-15, Done)',
			'Apr 2, 2026',
			'',
			''
		]);
		expect(wang).toEqual(['王强', 'Month: March 2026', '2026-03-01', 'Not started']);
	});

	it('is in Chinese when the app is', async () => {
		await i18n.setLocale('zh-CN');
		try {
			const [header, li] = reviewCsvRows(data());
			expect(header?.slice(0, 6)).toEqual([
				'成员',
				'周期',
				'周期起始日',
				'状态',
				'得分',
				'销售额达成率'
			]);
			expect(li?.[3]).toBe('主管已签字');
		} finally {
			await i18n.setLocale('en');
		}
	});
});
