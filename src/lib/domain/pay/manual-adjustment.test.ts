import { describe, expect, it } from 'vitest';
import {
	landingMonth,
	manualAdjustment,
	type ManualAdjustmentDraft,
	type ManualAdjustmentInput
} from './manual-adjustment';
import { APRIL, MARCH } from './test-helpers';

const draft = (over: Partial<ManualAdjustmentDraft> = {}): ManualAdjustmentDraft => ({
	memberId: 'a',
	kind: 'one_off_bonus',
	amountMinor: 50_000,
	currency: 'CNY',
	note: 'Won the Hangzhou tender',
	...over
});

const input = (over: Partial<ManualAdjustmentInput> = {}): ManualAdjustmentInput => ({
	id: 'adj-1',
	draft: draft(),
	today: MARCH.start,
	closed: [],
	knownMemberIds: new Set(['a']),
	createdAt: 1,
	createdBy: 'lead',
	...over
});

const codes = (i: ManualAdjustmentInput) => {
	const r = manualAdjustment(i);
	return r.ok ? [] : r.errors.map((e) => e.code);
};

describe('manualAdjustment', () => {
	it('lands a one-off bonus in the month running, with its reason', () => {
		const r = manualAdjustment(input());
		expect(r.ok && r.value).toMatchObject({
			kind: 'one_off_bonus',
			minor: 50_000,
			periodStart: MARCH.start,
			sourcePeriodStart: null,
			note: 'Won the Hangzhou tender'
		});
	});

	it('stores a clawback negative and a correction positive', () => {
		const claw = manualAdjustment(input({ draft: draft({ kind: 'clawback' }) }));
		expect(claw.ok && claw.value.minor).toBe(-50_000);
		const fix = manualAdjustment(input({ draft: draft({ kind: 'correction' }) }));
		expect(fix.ok && fix.value.minor).toBe(50_000);
	});

	it('skips a closed month to the next open one', () => {
		const closed = [{ start: MARCH.start, end: MARCH.end }];
		const r = manualAdjustment(input({ closed }));
		expect(r.ok && r.value.periodStart).toBe(APRIL.start);
		expect(landingMonth(MARCH.start, closed)).toBe(APRIL.start);
		expect(landingMonth('2025-03-05', closed)).toBeNull();
	});

	it('refuses no reason, a zero or malformed amount, an unknown member, an unknown kind', () => {
		expect(codes(input({ draft: draft({ note: '  ' }) }))).toEqual(['adjustment_reason_required']);
		for (const amountMinor of [0, -5, 0.5, Number.NaN])
			expect(codes(input({ draft: draft({ amountMinor }) }))).toEqual([
				'adjustment_amount_invalid'
			]);
		expect(codes(input({ draft: draft({ memberId: 'z' }) }))).toEqual([
			'adjustment_member_unknown'
		]);
		expect(codes(input({ draft: draft({ kind: 'gift' }) }))).toEqual(['adjustment_kind_invalid']);
	});
});
