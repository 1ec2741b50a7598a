import { decodeHlc } from '../../sync/hlc';
import type { Deal } from '../deal/deal';
import type { Interaction } from '../interaction/interaction';
import type { EpochMs, Id } from '../shared/types';
import type { Ticket } from '../ticket/ticket';

/**
 * The parts of a member's log that plans and daily reports count, as the caller reads them.
 * A deal's move is known from the stamp of its `stage` field: when it was last written, to what.
 */
export type LogInteraction = Pick<
	Interaction,
	'id' | 'customerId' | 'type' | 'at' | 'ownerId' | 'trashedAt'
>;
export type LogTicket = Pick<Ticket, 'id' | 'ownerId' | 'closedAt' | 'trashedAt'>;
export interface LogCustomer {
	id: Id;
	ownerId: Id;
	createdAt: EpochMs;
	trashedAt: EpochMs | null;
}

export interface DealMove {
	dealId: Id;
	ownerId: Id;
	/** Who moved it: the author of the stage's stamp. */
	by: Id;
	at: EpochMs;
	toStage: string;
}

/**
 * The deal's last stage change, from the stamp of its `stage` field; null when the stage was
 * never changed after the deal was created (creating a deal is not moving it) or the stamp is
 * not a clock stamp.
 */
export function lastStageMove(
	deal: Pick<Deal, 'id' | 'ownerId' | 'stage' | 'trashedAt' | '_meta'>
): DealMove | null {
	const stamp = deal._meta.fields?.stage;
	if (!stamp || deal.trashedAt != null) return null;
	const hlc = decodeHlc(stamp.hlc);
	return hlc
		? { dealId: deal.id, ownerId: deal.ownerId, by: stamp.by, at: hlc.wall, toStage: deal.stage }
		: null;
}

export const inSpan = (at: EpochMs, span: { startAt: EpochMs; endAt: EpochMs }) =>
	at >= span.startAt && at < span.endAt;
