import type { Id, IsoDate, Money } from '../shared/types';
import { isClosedDay } from './closing';
import { isMinor } from './decimal';
import type { ClosedPeriod } from './plan';
import { SPLIT_METHODS, splitTeamBonus, type SplitMember, type TeamShare } from './team-split';

/**
 * A team bonus as the lead enters it, checked before it is stored: a pot of money above zero, a
 * month that is not closed (its statements are written), at least one known member, and a split
 * that weighs someone (by review score, someone must have a signed score; by sales, someone must
 * have sold). The split itself is team-split.ts; this returns the shares it would give now.
 */
export interface TeamBonusDraft {
	periodStart: IsoDate;
	pot: Money;
	method: string;
	memberIds: Id[];
	note: string;
}

export type TeamBonusErrorCode =
	| 'bonus_pot_invalid'
	| 'bonus_period_invalid'
	| 'bonus_period_closed'
	| 'bonus_method_invalid'
	| 'bonus_members_empty'
	| 'bonus_member_unknown'
	| 'bonus_scores_none'
	| 'bonus_sales_none';

export interface TeamBonusCheckInput {
	draft: TeamBonusDraft;
	closed: readonly ClosedPeriod[];
	knownMemberIds: ReadonlySet<Id>;
	/** Each covered member's sales (in the pot's currency) and signed review score of the month. */
	figures: ReadonlyMap<Id, Omit<SplitMember, 'memberId'>>;
}

export type TeamBonusCheck =
	| { ok: true; shares: TeamShare[] }
	| { ok: false; errors: { field: string; code: TeamBonusErrorCode }[] };

const MONTH_START = /^\d{4}-(0[1-9]|1[0-2])-01$/;

export function checkTeamBonus(input: TeamBonusCheckInput): TeamBonusCheck {
	const { draft } = input;
	const errors: { field: string; code: TeamBonusErrorCode }[] = [];
	if (!isMinor(draft.pot.minor) || draft.pot.minor <= 0)
		errors.push({ field: 'pot', code: 'bonus_pot_invalid' });
	if (!MONTH_START.test(draft.periodStart))
		errors.push({ field: 'period', code: 'bonus_period_invalid' });
	else if (isClosedDay(draft.periodStart, input.closed))
		errors.push({ field: 'period', code: 'bonus_period_closed' });
	if (!(SPLIT_METHODS as readonly string[]).includes(draft.method))
		errors.push({ field: 'method', code: 'bonus_method_invalid' });
	const ids = [...new Set(draft.memberIds)];
	if (ids.length === 0) errors.push({ field: 'members', code: 'bonus_members_empty' });
	else if (ids.some((id) => !input.knownMemberIds.has(id)))
		errors.push({ field: 'members', code: 'bonus_member_unknown' });
	if (errors.length > 0) return { ok: false, errors };

	const method = draft.method as (typeof SPLIT_METHODS)[number];
	const members = ids.map((memberId) => ({
		memberId,
		...(input.figures.get(memberId) ?? { salesMinor: 0, reviewScore: null })
	}));
	const split = splitTeamBonus(draft.pot.minor, method, members);
	if (split.ok) return { ok: true, shares: split.value };
	const code = split.errors[0]?.code;
	if (code === 'weights_zero')
		return {
			ok: false,
			errors: [
				{ field: 'method', code: method === 'sales' ? 'bonus_sales_none' : 'bonus_scores_none' }
			]
		};
	return { ok: false, errors: [{ field: 'pot', code: 'bonus_pot_invalid' }] };
}
