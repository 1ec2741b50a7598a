export type EmailError = 'email_invalid';

export type EmailResult = { ok: true; value: string } | { ok: false; code: EmailError };

/**
 * A deliberately practical check (what a person can type and a mail client accepts), not RFC
 * 5322: one @, a non-empty local part without spaces, a dotted domain with a 2+ letter TLD.
 * The domain is lower-cased; the local part keeps its case (it may matter on some servers).
 */
const SHAPE = /^[^\s@<>()[\]\\,;:"]+@([a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}$/i;

export function normalizeEmail(raw: string): EmailResult {
	// Full-width ＠ and ． typed with a Chinese IME are common in pasted lists.
	const s = raw.trim().replace(/＠/g, '@').replace(/．/g, '.');
	if (s.length > 254 || !SHAPE.test(s)) return { ok: false, code: 'email_invalid' };
	const at = s.lastIndexOf('@');
	return { ok: true, value: `${s.slice(0, at)}@${s.slice(at + 1).toLowerCase()}` };
}

/** The key two emails are compared by for duplicates: case-insensitive. */
export const emailKey = (email: string): string => email.trim().toLowerCase();
