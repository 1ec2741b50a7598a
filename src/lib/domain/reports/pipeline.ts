import type { Deal } from '../deal/deal';
import { DEFAULT_STAGES, clampProbability, type StageDef } from '../deal/stages';

/**
 * Pipeline by stage for the home chart: count, amount and weighted amount per stage and currency,
 * in the configured stage order (then stages no longer configured, by key). One pass.
 */
export type PipelineDeal = Pick<Deal, 'stage' | 'amount' | 'probability'> & {
	trashedAt?: number | null;
};

export interface StageRow {
	stage: string;
	count: number;
	/** Minor units per currency. */
	amount: Record<string, number>;
	/** amount × probability / 100 per currency, rounded once per stage and currency. */
	weighted: Record<string, number>;
}

export function pipelineByStage(
	deals: Iterable<PipelineDeal>,
	stages: readonly StageDef[] = DEFAULT_STAGES,
	opts: { openOnly?: boolean } = {}
): StageRow[] {
	const sums: StageSum[] = [];
	for (const d of deals) {
		if (d.trashedAt != null) continue;
		const { minor, currency } = d.amount;
		const valued = Number.isFinite(minor) && minor >= 0 && !!currency;
		sums.push({
			stage: d.stage,
			currency: valued ? currency : '',
			n: 1,
			minor: valued ? minor : 0,
			weighted: valued ? minor * clampProbability(d.probability) : 0
		});
	}
	return pipelineFromSums(sums, stages, opts);
}

/**
 * Deals already summed per stage and currency (count, minor units, minor × probability in
 * percent; currency '' for deals without a usable amount, which count but add no amount).
 */
export interface StageSum {
	stage: string;
	currency: string;
	n: number;
	minor: number;
	weighted: number;
}

/** Pipeline rows from per-stage sums (what pipelineByStage computes, from stored tallies). */
export function pipelineFromSums(
	sums: Iterable<StageSum>,
	stages: readonly StageDef[] = DEFAULT_STAGES,
	opts: { openOnly?: boolean } = {}
): StageRow[] {
	const rows = new Map<string, { row: StageRow; cents: Record<string, number> }>();
	const entry = (stage: string) => {
		let e = rows.get(stage);
		if (!e)
			rows.set(stage, (e = { row: { stage, count: 0, amount: {}, weighted: {} }, cents: {} }));
		return e;
	};
	const kinds = new Map(stages.map((s) => [s.key, s.kind]));
	for (const s of stages) if (!opts.openOnly || s.kind === 'open') entry(s.key);
	for (const s of sums) {
		if (opts.openOnly && (kinds.get(s.stage) ?? 'open') !== 'open') continue;
		if (s.n === 0 && s.minor === 0) continue;
		const e = entry(s.stage);
		e.row.count += s.n;
		if (!s.currency) continue;
		e.row.amount[s.currency] = (e.row.amount[s.currency] ?? 0) + s.minor;
		e.cents[s.currency] = (e.cents[s.currency] ?? 0) + s.weighted;
	}
	const order = new Map(stages.map((s, i) => [s.key, i]));
	return [...rows.values()]
		.map(({ row, cents }) => {
			for (const [c, v] of Object.entries(cents)) row.weighted[c] = Math.round(v / 100);
			return row;
		})
		.sort(
			(a, b) =>
				(order.get(a.stage) ?? Infinity) - (order.get(b.stage) ?? Infinity) ||
				(a.stage < b.stage ? -1 : a.stage > b.stage ? 1 : 0)
		);
}
