import { localMonthKey } from '../shared/dates';
import type { Interaction } from '../interaction/interaction';
import type { EpochMs } from '../shared/types';
import type { Feedback } from './feedback';

/**
 * Satisfaction figures: CSAT (1-5) averages, and NPS (0-10: promoters 9-10, passives 7-8,
 * detractors 0-6; score = % promoters - % detractors, from -100 to 100). A satisfaction score on an
 * interaction counts as a CSAT answer. Out-of-range scores are ignored and counted as such.
 * Everything is computed in one pass over iterables, so callers can stream records.
 */

export interface CsatSummary {
	count: number;
	sum: number;
	/** null without answers. */
	average: number | null;
}

export interface NpsSummary {
	count: number;
	promoters: number;
	passives: number;
	detractors: number;
	/** -100…100; null without answers. */
	score: number | null;
}

export type FeedbackScore = Pick<Feedback, 'kind' | 'score' | 'at'> & { trashedAt?: number | null };
export type InteractionScore = Pick<Interaction, 'satisfaction' | 'at'> & {
	trashedAt?: number | null;
};

export function isValidCsat(score: number): boolean {
	return Number.isFinite(score) && score >= 1 && score <= 5;
}

export function isValidNps(score: number): boolean {
	return Number.isInteger(score) && score >= 0 && score <= 10;
}

export type NpsCategory = 'promoter' | 'passive' | 'detractor';

export function npsCategory(score: number): NpsCategory | null {
	if (!isValidNps(score)) return null;
	return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}

/** Running totals; add answers one by one, read summaries at any time. */
export class ScoreTally {
	csatCount = 0;
	csatSum = 0;
	promoters = 0;
	passives = 0;
	detractors = 0;
	ignored = 0;

	addCsat(score: number): void {
		if (!isValidCsat(score)) {
			this.ignored += 1;
			return;
		}
		this.csatCount += 1;
		this.csatSum += score;
	}

	addNps(score: number): void {
		const c = npsCategory(score);
		if (c === 'promoter') this.promoters += 1;
		else if (c === 'passive') this.passives += 1;
		else if (c === 'detractor') this.detractors += 1;
		else this.ignored += 1;
	}

	/** Adds a feedback entry (trashed entries are skipped). */
	addFeedback(f: FeedbackScore): void {
		if (f.trashedAt != null) return;
		if (f.kind === 'csat') this.addCsat(f.score);
		else if (f.kind === 'nps') this.addNps(f.score);
		else this.ignored += 1;
	}

	/** Adds an interaction's satisfaction as CSAT (no score or trashed: skipped). */
	addInteraction(i: InteractionScore): void {
		if (i.trashedAt != null || i.satisfaction === null) return;
		this.addCsat(i.satisfaction);
	}

	get csat(): CsatSummary {
		const { csatCount: count, csatSum: sum } = this;
		return { count, sum, average: count ? sum / count : null };
	}

	get nps(): NpsSummary {
		const { promoters, passives, detractors } = this;
		const count = promoters + passives + detractors;
		const score = count ? ((promoters - detractors) / count) * 100 : null;
		return { count, promoters, passives, detractors, score };
	}
}

export interface ScoreSummary {
	csat: CsatSummary;
	nps: NpsSummary;
	ignored: number;
}

export function feedbackScores(
	feedback: Iterable<FeedbackScore>,
	interactions: Iterable<InteractionScore> = []
): ScoreSummary {
	const tally = new ScoreTally();
	for (const f of feedback) tally.addFeedback(f);
	for (const i of interactions) tally.addInteraction(i);
	return { csat: tally.csat, nps: tally.nps, ignored: tally.ignored };
}

export interface MonthScores {
	/** `YYYY-MM` (local). */
	month: string;
	csat: CsatSummary;
	nps: NpsSummary;
}

/** `YYYY-MM` months from `from` to `to` inclusive. */
export function monthRange(from: string, to: string): string[] {
	const re = /^(\d{4})-(\d{2})$/;
	const a = re.exec(from);
	const b = re.exec(to);
	if (!a || !b) return [];
	const out: string[] = [];
	let i = Number(a[1]) * 12 + Number(a[2]) - 1;
	const end = Number(b[1]) * 12 + Number(b[2]) - 1;
	for (; i <= end && out.length < 1200; i++) {
		out.push(
			`${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`
		);
	}
	return out;
}

/**
 * Monthly CSAT and NPS, one row per local month. With `from`/`to` (`YYYY-MM`) the rows cover exactly
 * that range (answers outside are left out); otherwise from the first to the last month with data.
 * Months without answers are present with null averages, so a chart has no gaps in its axis.
 */
export function monthlyScoreTrend(
	feedback: Iterable<FeedbackScore>,
	interactions: Iterable<InteractionScore>,
	tzOffsetMin: number,
	range: { from?: string; to?: string } = {}
): MonthScores[] {
	const tallies = new Map<string, ScoreTally>();
	const tallyFor = (at: EpochMs): ScoreTally | null => {
		if (!Number.isFinite(at)) return null;
		const month = localMonthKey(at, tzOffsetMin);
		if ((range.from && month < range.from) || (range.to && month > range.to)) return null;
		let t = tallies.get(month);
		if (!t) tallies.set(month, (t = new ScoreTally()));
		return t;
	};
	for (const f of feedback) if (f.trashedAt == null) tallyFor(f.at)?.addFeedback(f);
	for (const i of interactions) {
		if (i.trashedAt == null && i.satisfaction !== null) tallyFor(i.at)?.addInteraction(i);
	}
	const seen = [...tallies.keys()].sort();
	const from = range.from ?? seen[0];
	const to = range.to ?? seen.at(-1);
	if (!from || !to) return [];
	const empty = new ScoreTally();
	return monthRange(from, to).map((month) => {
		const t = tallies.get(month) ?? empty;
		return { month, csat: t.csat, nps: t.nps };
	});
}
