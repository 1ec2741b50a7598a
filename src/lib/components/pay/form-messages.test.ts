import { describe, expect, it } from 'vitest';
import type { ManualAdjustmentErrorCode } from '$lib/domain/pay/manual-adjustment';
import type { TeamBonusErrorCode } from '$lib/domain/pay/team-bonus-check';
import en from '$lib/i18n/messages/en/pay';
import zh from '$lib/i18n/messages/zh-CN/pay';

// Records keyed by the unions: the type checker fails when a code is added without a line here.
const BONUS: Record<TeamBonusErrorCode, true> = {
	bonus_pot_invalid: true,
	bonus_period_invalid: true,
	bonus_period_closed: true,
	bonus_method_invalid: true,
	bonus_members_empty: true,
	bonus_member_unknown: true,
	bonus_scores_none: true,
	bonus_sales_none: true
};
const ADJUSTMENT: Record<ManualAdjustmentErrorCode, true> = {
	adjustment_kind_invalid: true,
	adjustment_amount_invalid: true,
	adjustment_reason_required: true,
	adjustment_member_unknown: true,
	adjustment_currency_invalid: true,
	adjustment_period_invalid: true
};
// Codes only the repositories give.
const REPO = [
	'bonus_currency_mismatch',
	'bonus_not_found',
	'adjustment_currency_mismatch',
	'aside_not_found',
	'aside_not_takeable',
	'aside_closed_month'
];

describe('the pay forms’ refusals', () => {
	it('each has a message in English and in Chinese', () => {
		const codes = [...Object.keys(BONUS), ...Object.keys(ADJUSTMENT), ...REPO];
		const missing = (m: Record<string, string>) => codes.filter((c) => !m[`error_${c}`]);
		expect(missing(en)).toEqual([]);
		expect(missing(zh)).toEqual([]);
	});
});
