/**
 * Phone numbers: parsed and normalised with libphonenumber-js (Google's libphonenumber metadata)
 * rather than hand-written rules, because real lists mix mainland mobiles, landlines with area
 * codes (010-6234 5678, (0755)8888-1234), 400 numbers, +86/0086 prefixes and foreign numbers.
 * Stored as E.164 (+8613812345678); shown in national format for China, international otherwise.
 */
import { parsePhoneNumberWithError, type CountryCode } from 'libphonenumber-js/max';

export type PhoneError = 'phone_empty' | 'phone_invalid' | 'phone_too_short' | 'phone_too_long';

export type PhoneResult = { ok: true; value: string } | { ok: false; code: PhoneError };

/** Full-width digits and punctuation, as typed with a Chinese IME, to ASCII. */
function toHalfWidth(s: string): string {
	return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * Extension markers: 转, 分机, ext, x as Chinese sheets write them, and `;ext=` as Rapport itself
 * stores and exports them (RFC 3966), so that an exported number imports again.
 */
const EXTENSION = /\s*(?:;\s*ext=|转|分机|ext\.?|x)\s*(\d{1,6})\s*$/i;
/** A mainland landline with its extension after a last dash: 010-62345678-808. */
const DASH_EXTENSION = /^(0\d{2,3}[-\s]?[2-9]\d{6,7})\s*-\s*(\d{1,6})$/;

export function normalizePhone(raw: string, region: CountryCode = 'CN'): PhoneResult {
	let s = toHalfWidth(raw).trim();
	if (!s) return { ok: false, code: 'phone_empty' };
	let ext = '';
	const m = EXTENSION.exec(s);
	if (m?.[1]) {
		ext = m[1];
		s = s.slice(0, m.index);
	} else {
		const d = DASH_EXTENSION.exec(s);
		if (d?.[1] && d[2]) [s, ext] = [d[1], d[2]];
	}
	// "0086 138…" and "86-138…" are how many Chinese exports write the country code.
	s = s.replace(/^\s*00(?=[1-9])/, '+');
	const digits = s.replace(/\D/g, '');
	if (/[^\d\s()+\-./]/.test(s)) return { ok: false, code: 'phone_invalid' };
	if (digits.length < 5) return { ok: false, code: 'phone_too_short' };
	if (digits.length > 17) return { ok: false, code: 'phone_too_long' };
	if (!s.startsWith('+') && /^86(1[3-9]\d{9})$/.test(digits)) s = `+${digits}`;
	try {
		const parsed = parsePhoneNumberWithError(s, region);
		if (!parsed.isValid()) {
			const len = parsed.nationalNumber.length;
			if (len < 7) return { ok: false, code: 'phone_too_short' };
			return { ok: false, code: 'phone_invalid' };
		}
		return { ok: true, value: ext ? `${parsed.number};ext=${ext}` : parsed.number };
	} catch (e) {
		const reason = e instanceof Error ? e.message : '';
		if (reason === 'TOO_SHORT') return { ok: false, code: 'phone_too_short' };
		if (reason === 'TOO_LONG') return { ok: false, code: 'phone_too_long' };
		return { ok: false, code: 'phone_invalid' };
	}
}

function split(stored: string): { number: string; ext: string } {
	const i = stored.indexOf(';ext=');
	return i < 0
		? { number: stored, ext: '' }
		: { number: stored.slice(0, i), ext: stored.slice(i + 5) };
}

/**
 * A mainland mobile as stored (+86, then 11 digits from 13x to 19x), with no extension. Most
 * numbers in a Chinese list are these, and the customer list formats one for every row it shows
 * as it scrolls (a fast scroll shows new rows every frame): grouping the digits here skips a
 * libphonenumber parse, its time and its garbage, in every frame. The test checks that every such
 * number is grouped exactly as libphonenumber groups it.
 */
const CN_MOBILE = /^\+86(1[3-9]\d)(\d{4})(\d{4})$/;

/** For display: "138 1234 5678", "010 6234 5678" in China, "+1 415 555 2671" abroad. */
export function formatPhone(stored: string): string {
	const mobile = CN_MOBILE.exec(stored);
	if (mobile) return `${mobile[1]} ${mobile[2]} ${mobile[3]}`;
	const { number, ext } = split(stored);
	try {
		const p = parsePhoneNumberWithError(number);
		const text = p.country === 'CN' ? p.formatNational() : p.formatInternational();
		return ext ? `${text} ext. ${ext}` : text;
	} catch {
		return stored;
	}
}

/**
 * Digits a person might type to find this number: the national form with trunk prefix
 * (01062345678, 13812345678) and the full international digits (8613812345678).
 */
export function phoneSearchDigits(stored: string): string {
	const { number } = split(stored);
	try {
		const p = parsePhoneNumberWithError(number);
		const national = p.formatNational().replace(/\D/g, '');
		return `${national} ${p.number.slice(1)}`;
	} catch {
		return number.replace(/\D/g, '');
	}
}

/** Masks the middle of a number for snapshots that leave the team: +86138****8000. */
export function maskPhone(stored: string): string {
	const { number } = split(stored);
	if (number.length <= 7) return '*'.repeat(number.length);
	return `${number.slice(0, number.length - 8)}****${number.slice(-4)}`;
}
