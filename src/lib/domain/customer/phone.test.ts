import fc from 'fast-check';
import { parsePhoneNumberWithError } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { formatPhone, maskPhone, normalizePhone, phoneSearchDigits } from './phone';

const ok = (raw: string) => {
	const r = normalizePhone(raw);
	if (!r.ok) throw new Error(`${raw}: ${r.code}`);
	return r.value;
};

describe('normalizePhone', () => {
	it.each([
		['13812345678', '+8613812345678'],
		['138 1234 5678', '+8613812345678'],
		['138-1234-5678', '+8613812345678'],
		['+86 138 1234 5678', '+8613812345678'],
		['+86-13812345678', '+8613812345678'],
		['008613812345678', '+8613812345678'],
		['8613812345678', '+8613812345678'],
		['１３８１２３４５６７８', '+8613812345678'],
		['010-62345678', '+861062345678'],
		['(010) 6234 5678', '+861062345678'],
		['0755-88881234', '+8675588881234'],
		['021-62345678 转 808', '+862162345678;ext=808'],
		['021-62345678分机8', '+862162345678;ext=8'],
		['010-62345678-808', '+861062345678;ext=808'],
		['0755 88881234-12', '+8675588881234;ext=12'],
		['010-6234-5678', '+861062345678'],
		['+862162345678;ext=808', '+862162345678;ext=808'],
		['+1 415 555 2671 x 12', '+14155552671;ext=12'],
		['400-810-5678', '+864008105678'],
		['+1 415 555 2671', '+14155552671'],
		['+44 20 7946 0958', '+442079460958'],
		['+852 9123 4567', '+85291234567']
	])('%s → %s', (raw, want) => {
		expect(ok(raw)).toBe(want);
	});

	it.each([
		['', 'phone_empty'],
		['   ', 'phone_empty'],
		['123', 'phone_too_short'],
		['1381234567890123456789', 'phone_too_long'],
		['call me', 'phone_invalid'],
		['12345678901', 'phone_invalid'],
		['javascript:alert(1)', 'phone_invalid']
	])('%s is refused with %s', (raw, code) => {
		expect(normalizePhone(raw)).toEqual({ ok: false, code });
	});
});

describe('formatPhone / phoneSearchDigits / maskPhone', () => {
	it('shows Chinese numbers nationally and foreign ones internationally', () => {
		expect(formatPhone('+8613812345678')).toBe('138 1234 5678');
		expect(formatPhone('+861062345678')).toBe('010 6234 5678');
		expect(formatPhone('+14155552671')).toBe('+1 415 555 2671');
		expect(formatPhone('+862162345678;ext=808')).toContain('ext. 808');
		expect(formatPhone('garbage')).toBe('garbage');
	});

	it('groups every stored mainland mobile (13x–19x) exactly as libphonenumber does', () => {
		const mobile = fc
			.tuple(fc.integer({ min: 130, max: 199 }), fc.stringMatching(/^\d{8}$/))
			.map(([prefix, rest]) => `+86${prefix}${rest}`);
		fc.assert(
			fc.property(mobile, (stored) => {
				expect(formatPhone(stored)).toBe(parsePhoneNumberWithError(stored).formatNational());
			}),
			{ numRuns: 2000 }
		);
		// Not mobiles, or with an extension: libphonenumber's own formatting.
		expect(formatPhone('+8612012345678')).toBe('12012345678');
		expect(formatPhone('+8613812345678;ext=12')).toBe('138 1234 5678 ext. 12');
	});

	it('offers the digits people type', () => {
		expect(phoneSearchDigits('+8613812345678')).toContain('13812345678');
		expect(phoneSearchDigits('+861062345678')).toContain('01062345678');
	});

	it('masks the middle', () => {
		expect(maskPhone('+8613812345678')).toBe('+86138****5678');
	});
});
