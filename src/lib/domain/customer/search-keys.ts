/**
 * The text a customer is found by, computed once when the customer is written (not when the app
 * starts), so that searching 100,000 customers is a plain substring scan with no pinyin work.
 * pinyin-pro converts Chinese to pinyin (with surname readings, e.g. 单 → shan) instead of a table
 * we would maintain ourselves. Only the write path imports this module (pinyin-pro's dictionary is
 * large), so the first page load stays small.
 */
import { pinyin } from 'pinyin-pro';
import { phoneSearchDigits } from './phone';
import { foldText, HAN } from './text';

/**
 * Converted texts, remembered: an import of 100,000 customers converts the same company names
 * and given names over and over, and pinyin-pro is the bulk of a customer write's CPU time.
 * Bounded: cleared when full, so a file of all-different names cannot grow it without end.
 */
const MEMO_MAX = 50_000;
const memo = new Map<string, readonly string[]>();

/** Full pinyin without spaces and initials: 张三 → ["zhangsan", "zs"]; none for non-Chinese. */
export function pinyinKeys(text: string, isName: boolean): string[] {
	if (!HAN.test(text)) return [];
	const key = (isName ? 'n' : 'c') + text;
	const known = memo.get(key);
	if (known) return [...known];
	const keys = convert(text, isName);
	if (memo.size >= MEMO_MAX) memo.clear();
	memo.set(key, keys);
	return [...keys];
}

function convert(text: string, isName: boolean): string[] {
	const syllables = pinyin(text, {
		toneType: 'none',
		type: 'array',
		surname: isName ? 'head' : 'off',
		nonZh: 'removed',
		v: true
	}).filter(Boolean);
	if (syllables.length === 0) return [];
	return [syllables.join(''), syllables.map((s) => s[0]).join('')];
}

export interface SearchKeySource {
	name: string;
	company: string;
	phones: readonly string[];
	emails: readonly string[];
	wechat: string;
}

/** The searchKeys string stored on a customer; parts joined by "\u0001" so no match spans two. */
export function searchKeysOf(c: SearchKeySource): string {
	const parts = [
		foldText(c.name),
		...pinyinKeys(c.name, true),
		foldText(c.company),
		...pinyinKeys(c.company, false),
		...c.phones.map(phoneSearchDigits),
		...c.emails.map(foldText),
		foldText(c.wechat)
	];
	return parts.filter(Boolean).join('\u0001');
}

/** The key the list sorts names by: pinyin for Chinese so 张 sorts under Z, folded text otherwise. */
export function sortNameOf(name: string): string {
	const folded = foldText(name);
	if (!HAN.test(name)) return folded;
	return pinyin(name, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive' })
		.join(' ')
		.toLowerCase();
}
