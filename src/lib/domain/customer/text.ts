/** Text helpers that need no dictionary: safe to load on the first page. */

/** Han characters (CJK unified ideographs, extension A, compatibility). */
export const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Lower-case, full-width to half-width, so "ＡＢＣ" and "abc" match. */
export function foldText(s: string): string {
	return s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * The same order as sortNameOf without pinyin work, read back from stored searchKeys (whose
 * second part is the full pinyin of a Chinese name): loading 100,000 rows must not convert them.
 */
export function sortNameFromKeys(name: string, searchKeys: string): string {
	const parts = searchKeys.split('\u0001', 2);
	return HAN.test(name) && parts[1] ? parts[1] : (parts[0] ?? foldText(name));
}
