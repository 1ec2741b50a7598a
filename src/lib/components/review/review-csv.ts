import type { PeriodReviews } from '$lib/db/repos/review-period';
import type { KpiMetric } from '$lib/domain/goal/goal';
import { kpiAttainment } from '$lib/domain/review/review-score';
import type { ScorecardRating } from '$lib/domain/review/scorecard';
import { formatDate, t } from '$lib/i18n/i18n.svelte';
import {
	criterionText,
	kpiText,
	percentText,
	pointsText,
	reviewPeriodText,
	stateText
} from './text';

/**
 * A period's reviews as CSV rows (header first), one per member: state and score, each KPI's
 * attainment and each criterion's rating, strengths, the plan and both sign-offs. The columns are
 * the team's scorecard's, then any a signed review kept from an earlier scorecard; a member
 * without a review has their name and state only. A draft's figures are as at its last save.
 */
export function reviewCsvRows(data: PeriodReviews): string[][] {
	const kpis: KpiMetric[] = data.scorecard.kpis.map((k) => k.metric);
	const criteria: ScorecardRating[] = [...data.scorecard.ratings];
	for (const { review } of data.rows) {
		for (const k of review?.scorecard.kpis ?? []) if (!kpis.includes(k.metric)) kpis.push(k.metric);
		for (const r of review?.scorecard.ratings ?? [])
			if (!criteria.some((c) => c.criterion === r.criterion)) criteria.push(r);
	}
	const header = [
		t('reviews.csv_member'),
		t('reviews.csv_kind'),
		t('reviews.csv_period'),
		t('reviews.csv_state'),
		t('reviews.csv_score'),
		...kpis.map((k) => t('reviews.csv_attainment', { kpi: kpiText(k) })),
		...criteria.map((c) => t('reviews.csv_rating', { criterion: criterionText(c) })),
		t('reviews.csv_strengths'),
		t('reviews.csv_plan'),
		t('reviews.csv_lead_signed'),
		t('reviews.csv_member_signed'),
		t('reviews.csv_member_comment')
	];
	const period = reviewPeriodText(data.kind, data.period.start);
	const rows = data.rows.map(({ memberName, state, review }) => {
		if (!review) return [memberName, period, data.period.start, stateText(state)];
		const attainment = (m: KpiMetric) => {
			const line = review.kpis.find((k) => k.metric === m);
			const a = line ? kpiAttainment(line) : null;
			return a === null ? '' : percentText(a);
		};
		return [
			memberName,
			period,
			data.period.start,
			stateText(state),
			review.score === null ? '' : pointsText(review.score),
			...kpis.map(attainment),
			...criteria.map((c) => String(review.ratings[c.criterion]?.rating ?? '')),
			review.strengths,
			review.plan
				.map((a) => `${a.text} (${a.due}${a.done ? `, ${t('reviews.action_done')}` : ''})`)
				.join('; '),
			review.leadSignedAt === null ? '' : formatDate(review.leadSignedAt),
			review.memberSignedAt === null ? '' : formatDate(review.memberSignedAt),
			review.memberComment
		];
	});
	return [header, ...rows];
}
