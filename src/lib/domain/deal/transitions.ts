import type { Order } from '../order/order';
import type { EpochMs, FieldError } from '../shared/types';
import type { Deal } from './deal';
import { DEFAULT_STAGES, clampProbability, findStage, type StageDef } from './stages';

/**
 * Moving a deal between stages (drag and drop, keyboard, or the edit form).
 *
 * Entering a stage sets the deal's probability to the stage's default (it stays editable). Winning
 * closes the deal and asks the caller to record an order in the customer's purchase history.
 * Losing needs a reason and the competitor: without them the move is refused and the caller is told
 * to ask for them. Reopening a closed deal clears its close date and lost reason; reopening a won
 * deal leaves its order in place and says so, as the order may already have been delivered.
 */

export type OrderDraft = Omit<Order, 'id' | '_meta' | 'trashedAt' | 'demo'>;

export type DealEffect =
	| { kind: 'record_order'; order: OrderDraft }
	| { kind: 'ask_lost_reason' }
	| { kind: 'review_order' };

export type MoveDealErrorCode =
	| 'stage_unknown'
	| 'deal_trashed'
	| 'amount_invalid'
	| 'lost_reason_required'
	| 'competitor_required';

export type DealPatch = Partial<
	Pick<Deal, 'stage' | 'probability' | 'closedAt' | 'lostReason' | 'competitor'>
>;

export type MoveDealResult =
	| { ok: true; patch: DealPatch; effects: DealEffect[] }
	| { ok: false; errors: FieldError<MoveDealErrorCode>[]; effects: DealEffect[] };

export interface MoveDealOptions {
	stages?: readonly StageDef[];
	/** Required when moving to the lost stage. */
	lostReason?: string;
	/** Required when moving to lost unless the deal already names one. */
	competitor?: string;
	/** Overrides the stage's default probability (open stages only). */
	probability?: number;
}

export type MovableDeal = Pick<
	Deal,
	| 'id'
	| 'customerId'
	| 'title'
	| 'stage'
	| 'amount'
	| 'probability'
	| 'products'
	| 'competitor'
	| 'ownerId'
	| 'trashedAt'
>;

export function moveDeal(
	deal: MovableDeal,
	toStage: string,
	now: EpochMs,
	opts: MoveDealOptions = {}
): MoveDealResult {
	const stages = opts.stages ?? DEFAULT_STAGES;
	const target = findStage(stages, toStage);
	if (!target) return fail([{ field: 'stage', code: 'stage_unknown' }]);
	if (deal.trashedAt != null) return fail([{ field: 'stage', code: 'deal_trashed' }]);
	if (deal.stage === toStage) return { ok: true, patch: {}, effects: [] };

	const fromKind = findStage(stages, deal.stage)?.kind ?? 'open';
	const effects: DealEffect[] = fromKind === 'won' ? [{ kind: 'review_order' }] : [];

	if (target.kind === 'lost') {
		const lostReason = (opts.lostReason ?? '').trim();
		const competitor = (opts.competitor ?? deal.competitor).trim();
		const errors: FieldError<MoveDealErrorCode>[] = [];
		if (!lostReason) errors.push({ field: 'lostReason', code: 'lost_reason_required' });
		if (!competitor) errors.push({ field: 'competitor', code: 'competitor_required' });
		if (errors.length) return fail(errors, [{ kind: 'ask_lost_reason' }]);
		return {
			ok: true,
			patch: { stage: target.key, probability: 0, closedAt: now, lostReason, competitor },
			effects
		};
	}

	if (target.kind === 'won') {
		const { minor, currency } = deal.amount;
		if (!Number.isSafeInteger(minor) || minor < 0 || !currency) {
			return fail([{ field: 'amount', code: 'amount_invalid' }]);
		}
		const order: OrderDraft = {
			customerId: deal.customerId,
			dealId: deal.id,
			at: now,
			amount: { minor, currency },
			products: [...deal.products],
			notes: deal.title,
			ownerId: deal.ownerId
		};
		return {
			ok: true,
			patch: { stage: target.key, probability: 100, closedAt: now, lostReason: '' },
			effects: [...effects, { kind: 'record_order', order }]
		};
	}

	const probability = clampProbability(opts.probability ?? target.probability);
	const patch: DealPatch = { stage: target.key, probability };
	if (fromKind !== 'open') {
		patch.closedAt = null;
		patch.lostReason = '';
	}
	return { ok: true, patch, effects };
}

function fail(errors: FieldError<MoveDealErrorCode>[], effects: DealEffect[] = []): MoveDealResult {
	return { ok: false, errors, effects };
}
