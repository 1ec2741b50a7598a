import type { Id, IsoDate, Money } from '../shared/types';
import { formatScaled, isMinor, numberRatio, scaled, toSafe, type Decimal } from './decimal';

/**
 * A team bonus (团队奖金) split among members equally, by their sales or by their review scores.
 * Each share is the pot × weight / total weight rounded down to the minor unit; the cents left
 * over go to the largest share (the greatest weight, ties to the smaller member id), so the
 * shares always add up to the pot exactly.
 */

export const SPLIT_METHODS = ['equal', 'sales', 'review_score'] as const;
export type SplitMethod = (typeof SPLIT_METHODS)[number];

export interface SplitMember {
	memberId: Id;
	/** Sales in the period, minor units; below zero counts as zero. */
	salesMinor: number;
	/** The period's review score; none counts as zero. */
	reviewScore: number | null;
}

export interface TeamShare {
	memberId: Id;
	minor: number;
	/** What the member's share was weighed by, and the team's total, as decimal text. */
	weight: Decimal;
	totalWeight: Decimal;
	/** The leftover cents this share received (non-zero for the largest share only). */
	leftoverMinor: number;
}

export type SplitErrorCode =
	| 'pot_invalid'
	| 'method_invalid'
	| 'members_empty'
	| 'member_duplicate'
	| 'weight_invalid'
	| 'weights_zero';

export type SplitResult =
	| { ok: true; value: TeamShare[] }
	| { ok: false; errors: { code: SplitErrorCode; memberIds: Id[] }[] };

/** Scores may carry decimals; weights are counted in 10^-8 so that every weight is an integer. */
const PLACES = 8;

function weightOf(method: SplitMethod, m: SplitMember): bigint | null {
	if (method === 'equal') return 10n ** BigInt(PLACES);
	if (method === 'sales') {
		if (!isMinor(m.salesMinor)) return null;
		return BigInt(Math.max(0, m.salesMinor)) * 10n ** BigInt(PLACES);
	}
	if (m.reviewScore === null) return 0n;
	const r = numberRatio(m.reviewScore);
	return r ? scaled(r, PLACES) : null;
}

export function splitTeamBonus(
	potMinor: number,
	method: SplitMethod,
	members: readonly SplitMember[]
): SplitResult {
	const fail = (code: SplitErrorCode, memberIds: Id[] = []): SplitResult => ({
		ok: false,
		errors: [{ code, memberIds }]
	});
	if (!isMinor(potMinor) || potMinor < 0) return fail('pot_invalid');
	if (!SPLIT_METHODS.includes(method)) return fail('method_invalid');
	if (members.length === 0) return fail('members_empty');
	const seen = new Set<Id>();
	const dupes = members.filter((m) => seen.has(m.memberId) || !seen.add(m.memberId));
	if (dupes.length > 0) return fail('member_duplicate', [...new Set(dupes.map((m) => m.memberId))]);
	const weights = members.map((m) => weightOf(method, m));
	const bad = members.filter((_, i) => weights[i] === null).map((m) => m.memberId);
	if (bad.length > 0) return fail('weight_invalid', bad);
	const w = weights as bigint[];
	const total = w.reduce((a, b) => a + b, 0n);
	if (total === 0n) return fail('weights_zero');
	const pot = BigInt(potMinor);
	const shares = w.map((x) => (pot * x) / total);
	const leftover = pot - shares.reduce((a, b) => a + b, 0n);
	let largest = 0;
	members.forEach((m, i) => {
		const best = members[largest] as SplitMember;
		const wi = w[i] as bigint;
		const wb = w[largest] as bigint;
		if (wi > wb || (wi === wb && m.memberId < best.memberId)) largest = i;
	});
	return {
		ok: true,
		value: members.map((m, i) => {
			const extra = i === largest ? leftover : 0n;
			return {
				memberId: m.memberId,
				// Each share is at most the pot, itself a safe integer.
				minor: toSafe((shares[i] as bigint) + extra) as number,
				weight: formatScaled(w[i] as bigint, PLACES),
				totalWeight: formatScaled(total, PLACES),
				leftoverMinor: Number(extra)
			};
		})
	};
}

/** A member's share of one team bonus, as it goes on their statement. */
export interface TeamBonusShare {
	teamBonusId: Id;
	method: SplitMethod;
	pot: Money;
	share: TeamShare;
}

/** A team bonus the lead sets for a period: a pot, how it is split, and among whom. */
export interface TeamBonus {
	id: Id;
	periodStart: IsoDate;
	pot: Money;
	method: SplitMethod;
	memberIds: Id[];
	note: string;
}

/**
 * Each member's share of a team bonus, ready for their statement. Members are weighed by the
 * figures given for them (sales, review score); a member of the bonus without figures weighs
 * zero unless the split is equal.
 */
export function teamBonusShares(
	bonus: TeamBonus,
	figures: ReadonlyMap<Id, Omit<SplitMember, 'memberId'>>
):
	| { ok: true; value: TeamBonusShare[] }
	| { ok: false; errors: { code: SplitErrorCode; memberIds: Id[] }[] } {
	const members = bonus.memberIds.map((memberId) => ({
		memberId,
		...(figures.get(memberId) ?? { salesMinor: 0, reviewScore: null })
	}));
	const split = splitTeamBonus(bonus.pot.minor, bonus.method, members);
	if (!split.ok) return split;
	return {
		ok: true,
		value: split.value.map((share) => ({
			teamBonusId: bonus.id,
			method: bonus.method,
			pot: { ...bonus.pot },
			share
		}))
	};
}
