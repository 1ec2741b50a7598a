import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizePhone } from '../../domain/customer/phone';
import { createPhoneNormalizer } from './phone-cache';

describe('createPhoneNormalizer', () => {
	it('gives exactly what normalizePhone gives, for mobiles sharing prefixes (property)', () => {
		const cached = createPhoneNormalizer('CN');
		const mobile = fc
			.tuple(
				fc.constantFrom('', '+86', '+86 ', '0086', '86', '86-'),
				fc.integer({ min: 13, max: 19 }),
				fc.constantFrom(0, 10_000, 40_000, 74_050, 61_000, 99_999), // few prefixes: cache hits
				fc.integer({ min: 0, max: 9999 }),
				fc.constantFrom('', ' ', '-')
			)
			.map(([cc, a, b, c, sep]) => {
				const d = `${a}${String(b).padStart(5, '0')}${String(c).padStart(4, '0')}`;
				return `${cc}${d.slice(0, 3)}${sep}${d.slice(3, 7)}${sep}${d.slice(7)}`;
			});
		fc.assert(
			fc.property(mobile, (raw) => {
				expect(cached(raw)).toEqual(normalizePhone(raw, 'CN'));
			}),
			{ numRuns: 5000 }
		);
	});

	it('agrees with normalizePhone on a cache hit for every 5-digit mobile prefix', () => {
		const cached = createPhoneNormalizer('CN');
		for (let p = 13000; p <= 19999; p++) {
			cached(`${p}000000`);
			const raw = `${p}00${String(p % 9999).padStart(4, '0')}`;
			expect(cached(raw)).toEqual(normalizePhone(raw, 'CN'));
		}
	});

	it('passes other numbers through and caches repeats', () => {
		const cached = createPhoneNormalizer('CN');
		for (const raw of [
			'010-6234 5678',
			'(0755)8888-1234',
			'+1 415 555 2671',
			'12345',
			'abc',
			'400-123-4567'
		])
			expect(cached(raw)).toEqual(normalizePhone(raw, 'CN'));
		expect(cached('010-6234 5678')).toEqual(normalizePhone('010-6234 5678', 'CN'));
	});
});
