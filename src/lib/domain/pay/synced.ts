import type { Synced } from '../../sync/stamp';
import type { EpochMs, Id } from '../shared/types';
import type { Adjustment } from './adjustment';
import type { Contest, Standings } from './contests';
import type { LineDispute } from './disputes';
import type { PayClose } from './pay-close';
import type { CompensationPlan } from './plan';
import type { PayoutStatement } from './statement';
import type { TeamBonus } from './team-split';

/**
 * The pay records as stored and synced (sync/tables.ts names their fields). The lead writes the
 * plans, closes, statements, adjustments, team bonuses, contests and standings; a member writes
 * their own acknowledgements and disputes, which travel back to the lead in their file.
 */
export type StoredPayPlan = CompensationPlan & Synced;
export type StoredPayClose = PayClose & Synced;
export type StoredStatement = PayoutStatement & Synced;
export type StoredAdjustment = Adjustment & Synced;
export type StoredTeamBonus = TeamBonus & Synced & { trashedAt: EpochMs | null };
export type StoredContest = Contest & Synced;
export type StoredStandings = Standings & Synced;
export type StoredDispute = LineDispute & Synced;

/** What a member acknowledges: a closed statement of theirs, or the plan of their level. */
export const ACK_KINDS = ['statement', 'plan'] as const;
export type AckKind = (typeof ACK_KINDS)[number];

/**
 * A member's acknowledgement (确认) of a statement or a plan, one per subject and member (id
 * `ack:<subject id>:<member>`, see disputes.ts), so acknowledging twice writes one record.
 */
export interface PayAck extends Synced {
	memberId: Id;
	kind: AckKind;
	subjectId: Id;
	at: EpochMs;
}
