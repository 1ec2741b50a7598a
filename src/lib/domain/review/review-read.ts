import { KPI_METRICS, type KpiMetric } from '../goal/goal';
import { PERIOD_KINDS, type PeriodKind } from '../shared/dates';
import type { PlanAction, RatingEntry, Review, ReviewKpi } from './review';
import { DEFAULT_SCORECARD } from './scorecard';
import { asScorecard } from './scorecard-read';

/**
 * A stored review as this version works with it. Its structured fields arrive in files as plain
 * data of any shape (the snapshot reader checks only that they are JSON), and a record of an
 * older version lacks the fields added since: what cannot be read is left out or takes its empty
 * value, never a crash of the review page.
 */

const isObj = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const numberOrNull = (v: unknown): number | null =>
	typeof v === 'number' && Number.isFinite(v) ? v : null;

function kpisOf(v: unknown): ReviewKpi[] {
	if (!Array.isArray(v)) return [];
	return v.flatMap((k): ReviewKpi[] =>
		isObj(k) && (KPI_METRICS as readonly unknown[]).includes(k.metric)
			? [
					{
						metric: k.metric as KpiMetric,
						target: numberOrNull(k.target),
						actual: numberOrNull(k.actual)
					}
				]
			: []
	);
}

function ratingsOf(v: unknown): Record<string, RatingEntry> {
	const out: Record<string, RatingEntry> = {};
	if (!isObj(v)) return out;
	for (const [criterion, e] of Object.entries(v))
		if (isObj(e)) out[criterion] = { rating: numberOrNull(e.rating), comment: text(e.comment) };
	return out;
}

function planOf(v: unknown): PlanAction[] {
	if (!Array.isArray(v)) return [];
	return v.flatMap((a): PlanAction[] =>
		isObj(a) && typeof a.id === 'string'
			? [{ id: a.id, text: text(a.text), due: text(a.due), done: a.done === true }]
			: []
	);
}

export function readReview(r: Review): Review {
	const loose = r as unknown as Record<string, unknown>;
	const kind = (PERIOD_KINDS as readonly unknown[]).includes(r.periodKind)
		? r.periodKind
		: ('month' satisfies PeriodKind);
	return {
		...r,
		periodKind: kind,
		scorecard: asScorecard(loose.scorecard) ?? DEFAULT_SCORECARD,
		kpis: kpisOf(loose.kpis),
		ratings: ratingsOf(loose.ratings),
		strengths: text(loose.strengths),
		plan: planOf(loose.plan),
		notes: text(loose.notes),
		score: numberOrNull(loose.score),
		leadSignedAt: numberOrNull(loose.leadSignedAt),
		memberSignedAt: numberOrNull(loose.memberSignedAt),
		memberComment: text(loose.memberComment),
		trashedAt: numberOrNull(loose.trashedAt)
	};
}
