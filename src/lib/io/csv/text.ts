/** Small text helpers shared by the row normalisers. Cell content is never interpreted as HTML. */

/**
 * Longest cell accepted in a mapped column; longer ones reject the row (`cell_too_long`). Long
 * notes pasted from documents are real (a 20,000-character history is kept as plain text); the
 * cap matches the longest text a snapshot carries (io/snapshot/field-kinds.ts MAX_TEXT).
 */
export const MAX_CELL = 100_000;

/** Trims (full-width space too), unifies line ends, drops NUL and other invisible controls. */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

// eslint-disable-next-line no-control-regex -- detecting control characters is the point
const NEEDS_CLEANING = /[\u0000-\u001f\u007f]/;

export function cleanCell(raw: string): string {
	// One scan for the common case (no CR, no controls) instead of two replaces.
	if (!NEEDS_CLEANING.test(raw)) return raw.trim();
	return raw.replace(/\r\n?/g, '\n').replace(CONTROLS, '').trim();
}

/** Several values in one cell: Google's " ::: ", commas, semicolons, 、, pipes, line breaks. */
const LIST_SEPARATOR = /[,;，；、|\n]|:::/;

export function splitList(cell: string): string[] {
	if (!LIST_SEPARATOR.test(cell)) return [cell];
	return cell
		.split(/\s*(?::::|[,;，；、|\n])\s*/)
		.map((s) => s.trim())
		.filter((s) => s !== '');
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * First and last name as one display name: Chinese order (姓 then 名, no space) when either
 * part is written in Chinese characters, "First Last" otherwise.
 */
export function combineName(first: string, last: string): string {
	if (CJK.test(first) || CJK.test(last)) return `${last}${first}`;
	return `${first} ${last}`.trim();
}

/** Looks like an organisation's name rather than a person's. */
export function looksLikeCompany(name: string): boolean {
	return /(公司|集团|企业|工厂|厂|店|中心|研究院|研究所|事务所|协会|学校|大学|医院|银行|工作室|合作社|商行|门市部|\b(?:gmbh|inc|ltd|llc|co|corp|corporation|limited|plc|ag|sa|bv|srl)\.?)$/i.test(
		name.trim()
	);
}

/** Order-keeping de-duplication; rows hold a handful of values, so a linear scan is cheapest. */
export const unique = (items: readonly string[]): string[] =>
	items.length < 2 ? [...items] : items.filter((v, i) => items.indexOf(v) === i);

export const uniqueBy = <T>(items: readonly T[], key: (t: T) => string): T[] => {
	const seen = new Set<string>();
	return items.filter((t) => {
		const k = key(t);
		if (seen.has(k)) return false;
		seen.add(k);
		return true;
	});
};
