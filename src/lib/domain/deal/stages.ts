/**
 * Pipeline stages. Configurable: a team may rename or add open stages, but there is always exactly
 * one won and one lost stage, since winning records an order and losing asks for a reason.
 */
export type StageKind = 'open' | 'won' | 'lost';

export interface StageDef {
	key: string;
	/** Default probability (0-100) given to a deal entering the stage; editable per deal. */
	probability: number;
	kind: StageKind;
}

/** The stages a team starts with: 线索, 需求确认, 方案报价, 商务谈判, 赢单, 输单. */
export const DEFAULT_STAGES: readonly StageDef[] = Object.freeze([
	{ key: 'lead', probability: 10, kind: 'open' },
	{ key: 'needs_confirmed', probability: 25, kind: 'open' },
	{ key: 'proposal', probability: 50, kind: 'open' },
	{ key: 'negotiation', probability: 75, kind: 'open' },
	{ key: 'won', probability: 100, kind: 'won' },
	{ key: 'lost', probability: 0, kind: 'lost' }
] satisfies StageDef[]);

/** The stages of a team, with the names of stages it added (the default ones are translated). */
export interface StageConfig {
	stages: StageDef[];
	labels: Record<string, string>;
}

export type StagesErrorCode =
	| 'stages_empty'
	| 'stage_key_invalid'
	| 'stage_key_duplicate'
	| 'probability_invalid'
	| 'won_stage_count'
	| 'lost_stage_count';

const STAGE_KEY = /^[a-z0-9_]{1,40}$/;

/** Checks a stage configuration; returns codes, empty when valid. */
export function validateStages(stages: readonly StageDef[]): StagesErrorCode[] {
	if (stages.length === 0) return ['stages_empty'];
	const errors = new Set<StagesErrorCode>();
	const seen = new Set<string>();
	for (const s of stages) {
		if (!STAGE_KEY.test(s.key)) errors.add('stage_key_invalid');
		if (seen.has(s.key)) errors.add('stage_key_duplicate');
		seen.add(s.key);
		if (!Number.isFinite(s.probability) || s.probability < 0 || s.probability > 100) {
			errors.add('probability_invalid');
		}
	}
	if (stages.filter((s) => s.kind === 'won').length !== 1) errors.add('won_stage_count');
	if (stages.filter((s) => s.kind === 'lost').length !== 1) errors.add('lost_stage_count');
	return [...errors];
}

export function findStage(stages: readonly StageDef[], key: string): StageDef | undefined {
	return stages.find((s) => s.key === key);
}

/** An unknown stage (removed from the configuration) counts as open: the deal is not closed. */
export function stageKind(stages: readonly StageDef[], key: string): StageKind {
	return findStage(stages, key)?.kind ?? 'open';
}

export function isOpenStage(stages: readonly StageDef[], key: string): boolean {
	return stageKind(stages, key) === 'open';
}

export function defaultProbability(stages: readonly StageDef[], key: string): number | null {
	return findStage(stages, key)?.probability ?? null;
}

/** Probability clamped to 0-100; non-numbers count as 0. */
export function clampProbability(p: number): number {
	return Number.isFinite(p) ? Math.min(100, Math.max(0, p)) : 0;
}
