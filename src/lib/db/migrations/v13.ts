/**
 * Version 13: deals' stage history (domain/deal/stage-history.ts). A deal keeps only its current
 * stage; from now on every move (and a deal's creation) is also a record of its own, synced like
 * any other, which the team's conversion funnel counts:
 *
 * - `dealStageChanges`: one move of one deal, found by deal and by customer (it goes with them),
 *   by owner (whose move it was) and by time (the moves of a period).
 *
 * Only a new store: no record is rewritten, and deals moved before it have no history.
 */
export const v13 = {
	version: 13,
	stores: {
		dealStageChanges: 'id, dealId, customerId, ownerId, at, _meta.updated, _chg'
	}
} as const;
