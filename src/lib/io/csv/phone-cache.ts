/**
 * normalizePhone (libphonenumber) is a full parse, and an import calls it for every row (the
 * bench's import suite). Imports are dominated by Chinese mobiles written as 11 digits, so for
 * those the verdict is cached per 7-digit prefix: libphonenumber's CN metadata accepts an
 * 11-digit 1[3-9]… mobile by a prefix of at most 5 digits followed by `\d{6}`/`\d{8}`, so a
 * prefix once accepted accepts every number (phone-cache.test.ts checks this against the real
 * function for every 5-digit prefix, so a metadata update that breaks the assumption fails a
 * test). Refusals are not cached. Other numbers go through normalizePhone, with a small cache
 * for repeats (a company switchboard on every row).
 */
import type { CountryCode } from 'libphonenumber-js';
import { normalizePhone, type PhoneResult } from '../../domain/customer/phone';

const CN_MOBILE = /^(?:\+?86|0086)?[\s-]?(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})$/;
const REPEAT_CACHE = 10_000;

export function createPhoneNormalizer(region: CountryCode = 'CN'): (raw: string) => PhoneResult {
	const byPrefix = new Set<string>();
	const byRaw = new Map<string, PhoneResult>();
	return (raw) => {
		const s = raw.trim();
		const m = region === 'CN' ? CN_MOBILE.exec(s) : null;
		if (m) {
			const digits = `${m[1]}${m[2]}${m[3]}`;
			const prefix = digits.slice(0, 7);
			if (byPrefix.has(prefix)) return { ok: true, value: `+86${digits}` };
			const r = normalizePhone(s, region);
			// Only "valid, read as the 11 digits themselves" is reused for the prefix. Refusals are
			// not: 179xx… is stripped as a carrier code, and the rest decides the error code.
			if (r.ok && r.value === `+86${digits}`) byPrefix.add(prefix);
			return r;
		}
		const hit = byRaw.get(s);
		if (hit) return hit;
		const r = normalizePhone(s, region);
		if (byRaw.size < REPEAT_CACHE) byRaw.set(s, r);
		return r;
	};
}
