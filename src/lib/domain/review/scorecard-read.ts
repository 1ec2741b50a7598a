import type { KpiMetric } from '../goal/goal';
import type { FieldError } from '../shared/types';
import {
	RATING_CRITERIA,
	validateScorecard,
	type Scorecard,
	type ScorecardError,
	type ScorecardRating
} from './scorecard';

/**
 * The scorecard as stored and as the lead edits it: a value read from a record (a team setting, a
 * review, both carried in files) is taken only in the shape scorecard.ts works with, and a
 * criterion the lead added has a name of their own, since only the built-in ones are translated.
 */

export const CRITERION_LABEL_MAX = 60;

const isObj = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** A criterion the app names itself (the others carry the lead's label). */
export const isBuiltInCriterion = (criterion: string): boolean =>
	(RATING_CRITERIA as readonly string[]).includes(criterion);

/** The value as a scorecard, or null when it has not that shape (labels kept only as text). */
export function asScorecard(v: unknown): Scorecard | null {
	if (!isObj(v) || !Array.isArray(v.kpis) || !Array.isArray(v.ratings)) return null;
	if (typeof v.cap !== 'number') return null;
	const kpis: Scorecard['kpis'] = [];
	for (const k of v.kpis) {
		if (!isObj(k) || typeof k.metric !== 'string' || typeof k.weight !== 'number') return null;
		kpis.push({ metric: k.metric as KpiMetric, weight: k.weight });
	}
	const ratings: ScorecardRating[] = [];
	for (const r of v.ratings) {
		if (!isObj(r) || typeof r.criterion !== 'string' || typeof r.weight !== 'number') return null;
		ratings.push(
			typeof r.label === 'string'
				? { criterion: r.criterion, weight: r.weight, label: r.label }
				: { criterion: r.criterion, weight: r.weight }
		);
	}
	return { kpis, ratings, cap: v.cap };
}

/** A stored scorecard the app can score with: its shape, and scorecard.ts's checks. */
export function usableScorecard(v: unknown): v is Scorecard {
	const card = asScorecard(v);
	return card !== null && validateScorecard(card).length === 0 && labelErrors(card).length === 0;
}

export const LABEL_ERROR_CODES = ['criterion_label_required', 'criterion_label_too_long'] as const;
export type LabelErrorCode = (typeof LABEL_ERROR_CODES)[number];

/** Every criterion the lead added needs a name, of at most CRITERION_LABEL_MAX characters. */
export function labelErrors(card: Scorecard): FieldError<LabelErrorCode>[] {
	const errors: FieldError<LabelErrorCode>[] = [];
	card.ratings.forEach((r, i) => {
		if (isBuiltInCriterion(r.criterion)) return;
		const label = r.label?.trim() ?? '';
		if (!label) errors.push({ field: `ratings.${i}.label`, code: 'criterion_label_required' });
		else if (label.length > CRITERION_LABEL_MAX)
			errors.push({ field: `ratings.${i}.label`, code: 'criterion_label_too_long' });
	});
	return errors;
}

/** Everything wrong with a scorecard the lead is about to save. */
export function scorecardErrors(card: Scorecard): (ScorecardError | FieldError<LabelErrorCode>)[] {
	return [...validateScorecard(card), ...labelErrors(card)];
}

/** A key for a criterion the lead adds, free in this scorecard. */
export function newCriterionKey(card: { ratings: readonly { criterion: string }[] }): string {
	const taken = new Set(card.ratings.map((r) => r.criterion));
	let n = 1;
	while (taken.has(`custom_${n}`)) n += 1;
	return `custom_${n}`;
}
