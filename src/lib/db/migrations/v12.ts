/**
 * Version 12: pay (domain/pay/). Nine synced tables, each with its stamps (`_meta.updated`, which
 * the clock resumes after), its local change number (`_chg`, see v9) and a plain index on the
 * field naming the member whose pay it is:
 *
 * - `payPlans`: the compensation plan of a level from its effective date.
 * - `payCloses`: a month closed for pay, one per month.
 * - `payStatements` (`memberId`): a member's statement of a closed month, written once.
 * - `payAdjustments` (`memberId`): a correction, clawback or one-off bonus in an open month.
 * - `payTeamBonuses`: a team bonus of a month, its pot and how it is split.
 * - `payAcks` (`memberId`), `payDisputes` (`memberId`): a member's acknowledgement of a statement
 *   or plan, and their dispute of a statement's line.
 * - `contests`, `contestStandings`: a contest, and the standings the lead publishes.
 *
 * And one store of this device only, not synced:
 * - `payAside`: versions of the lead's pay records that arrived in a manager's file with a
 *   manager's edit (or a closed statement changed), set aside before the merge for the lead.
 *
 * Only new stores: no record is rewritten.
 */
export const v12 = {
	version: 12,
	stores: {
		payPlans: 'id, _meta.updated, _chg',
		payCloses: 'id, _meta.updated, _chg',
		payStatements: 'id, memberId, _meta.updated, _chg',
		payAdjustments: 'id, memberId, _meta.updated, _chg',
		payTeamBonuses: 'id, _meta.updated, _chg',
		payAcks: 'id, memberId, _meta.updated, _chg',
		payDisputes: 'id, memberId, _meta.updated, _chg',
		contests: 'id, _meta.updated, _chg',
		contestStandings: 'id, _meta.updated, _chg',
		payAside: 'id'
	}
} as const;
