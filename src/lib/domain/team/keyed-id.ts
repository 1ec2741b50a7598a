import type { KpiMetric } from '../goal/goal';
import type { Id, IsoDate } from '../shared/types';

/**
 * Ids derived from what a record is about, for the records that exist once per member and period
 * (a goal, a review, a period's closing): the lead's two devices, or a lead and a manager, that
 * make "Li Na's sales goal for Q2" make one record with one id, which the merge then reconciles
 * field by field, instead of two goals that both count.
 *
 * The id is the key itself, readable (`goal:<member>:<metric>:<kind>:<start>`), not a hash of it:
 * ids are opaque strings everywhere else (nothing checks for the UUID form), a readable key makes
 * a file and a bug report legible, and it is one-to-one by construction, where a name-based UUID
 * (v5) would need a SHA-1 that no dependency here provides and that SubtleCrypto offers only
 * asynchronously. The free-form part, the member id, is escaped so that no id can pass for another.
 */

function part(s: string): string {
	return s.replace(/%/g, '%25').replace(/:/g, '%3A');
}

/** A supervisor may have a goal on their own figures and one on their team's: `:team` tells them apart. */
export function goalId(
	memberId: Id,
	metric: KpiMetric,
	periodKind: string,
	periodStart: IsoDate,
	scope: 'own' | 'team' = 'own'
): string {
	const key = ['goal', part(memberId), metric, periodKind, periodStart];
	return (scope === 'team' ? [...key, 'team'] : key).join(':');
}

export function reviewId(memberId: Id, periodKind: string, periodStart: IsoDate): string {
	return ['review', part(memberId), periodKind, periodStart].join(':');
}

/**
 * A member's level, reporting line or status from a date is one fact: the lead who sets "Li Na
 * is 高级客户经理 from 1 June" on two devices, or corrects it, writes the same record.
 */
export function memberFactId(memberId: Id, kind: string, from: IsoDate): string {
	return ['member_fact', part(memberId), kind, from].join(':');
}

/** A team setting is one record per setting, the same on every device of the team. */
export function teamSettingId(key: string): string {
	return ['team_setting', key].join(':');
}

/** A closed period is one per team and span (a custom span is known by both its edges). */
export function periodCloseId(periodKind: string, start: IsoDate, end: IsoDate): string {
	return ['period_close', periodKind, start, end].join(':');
}
