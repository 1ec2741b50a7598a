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
	const rows = new Map<string, { row: StageRow; cents: Record<string, number> }>();
	const entry = (stage: string) => {
		let e = rows.get(stage);
		if (!e)
			rows.set(stage, (e = { row: { stage, count: 0, amount: {}, weighted: {} }, cents: {} }));
		return e;
	};
	const kinds = new Map(stages.map((s) => [s.key, s.kind]));
	for (const s of stages) if (!opts.openOnly || s.kind === 'open') entry(s.key);
	for (const d of deals) {
		if (d.trashedAt != null) continue;
		if (opts.openOnly && (kinds.get(d.stage) ?? 'open') !== 'open') continue;
		const e = entry(d.stage);
		e.row.count += 1;
		const { minor, currency } = d.amount;
		if (!Number.isFinite(minor) || minor < 0 || !currency) continue;
		e.row.amount[currency] = (e.row.amount[currency] ?? 0) + minor;
		e.cents[currency] = (e.cents[currency] ?? 0) + minor * clampProbability(d.probability);
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
