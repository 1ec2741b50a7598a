import {
	lastStageMove,
	type DealMove,
	type LogCustomer,
	type LogInteraction,
	type LogTicket
} from '$lib/domain/plan/log';
import type { EpochMs, Id } from '$lib/domain/shared/types';
import { db } from '../db';

/**
 * The parts of a member's log that work plans and daily reports count, read per owner and span
 * from the indexes the goals page reads too. Every read starts at once: a live query sees only
 * the reads started before its first await.
 */
export interface Span {
	startAt: EpochMs;
	endAt: EpochMs;
}

export function interactionsOf(ownerId: Id, span: Span): Promise<LogInteraction[]> {
	return db()
		.interactions.where('[ownerId+at]')
		.between([ownerId, span.startAt], [ownerId, span.endAt])
		.toArray();
}

export function customersCreatedBy(ownerId: Id, span: Span): Promise<LogCustomer[]> {
	return db()
		.customers.where('[ownerId+createdAt]')
		.between([ownerId, span.startAt], [ownerId, span.endAt])
		.toArray();
}

/** The last stage move of each of these deals (deals without one, or gone, are left out). */
export async function movesOf(dealIds: readonly Id[]): Promise<DealMove[]> {
	const deals = await db().deals.bulkGet([...dealIds]);
	return deals.flatMap((d) => {
		const m = d ? lastStageMove(d) : null;
		return m ? [m] : [];
	});
}

/** The last stage move of each deal a member owns. */
export async function movesOfOwner(ownerId: Id): Promise<DealMove[]> {
	const deals = await db().deals.where('ownerId').equals(ownerId).toArray();
	return deals.flatMap((d) => {
		const m = lastStageMove(d);
		return m ? [m] : [];
	});
}

export function ticketsOf(ownerId: Id): Promise<LogTicket[]> {
	return db().tickets.where('ownerId').equals(ownerId).toArray();
}
