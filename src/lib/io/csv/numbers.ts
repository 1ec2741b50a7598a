/**
 * Number cells: thousands separators (1,234,567.50 · 1.234.567,50 · 1 234 567), currency signs
 * and codes (¥ ￥ RMB CNY 元 $ US$ USD € EUR £ HK$), Chinese 万 (10⁴) and 亿 (10⁸), negatives as
 * -50 or (50). Decimal mark: when both `.` and `,` occur, the later one; a lone `,` followed by
 * exactly three digits is a thousands separator (1,234), otherwise a decimal comma (12,5).
 */

export type NumberCode = 'number_invalid';

export type NumberResult =
	{ ok: true; value: number; currency: string | null } | { ok: false; code: NumberCode };

const CURRENCIES: readonly [RegExp, string][] = [
	[/HK\$|HKD|港币|港元/i, 'HKD'],
	[/US\$|USD|美元|美金/i, 'USD'],
	[/RMB|CNY|人民币|[¥￥]|元/i, 'CNY'],
	[/EUR|€|欧元/i, 'EUR'],
	[/GBP|£|英镑/i, 'GBP'],
	[/JPY|日元|円/i, 'JPY'],
	[/\$/, 'USD']
];

export function parseNumber(raw: string): NumberResult {
	let s = raw.normalize('NFKC').trim();
	const bad = { ok: false, code: 'number_invalid' } as const;
	if (!s) return bad;
	let currency: string | null = null;
	for (const [re, code] of CURRENCIES) {
		if (re.test(s)) {
			currency = code;
			s = s.replace(re, ' ');
			break;
		}
	}
	s = s.replace(/[\s\u00a0']/g, '');
	let negative = false;
	const paren = /^\((.*)\)$/.exec(s);
	if (paren) [negative, s] = [true, paren[1] ?? ''];
	if (s.startsWith('-') || s.startsWith('−')) [negative, s] = [!negative, s.slice(1)];
	else if (s.startsWith('+')) s = s.slice(1);
	let scale = 1;
	if (s.endsWith('万')) [scale, s] = [1e4, s.slice(0, -1)];
	else if (s.endsWith('亿')) [scale, s] = [1e8, s.slice(0, -1)];
	const lastDot = s.lastIndexOf('.');
	const lastComma = s.lastIndexOf(',');
	if (lastDot >= 0 && lastComma >= 0) {
		const dec = lastDot > lastComma ? '.' : ',';
		const thousands = dec === '.' ? ',' : '.';
		s = s.split(thousands).join('').replace(dec, '.');
	} else if (lastComma >= 0) {
		// 1,234 and 1,234,567 are thousands; a single other comma is a decimal comma (12,5).
		if (/^\d{1,3}(,\d{3})+$/.test(s)) s = s.replace(/,/g, '');
		else if (s.indexOf(',') === lastComma) s = s.replace(',', '.');
	} else if (/^\d{1,3}(\.\d{3}){2,}$/.test(s)) s = s.replace(/\./g, ''); // 1.234.567
	if (!/^(\d+\.?\d*|\.\d+)$/.test(s)) return bad;
	// Rounded to 6 decimals so that 12.3万 is 123000, not 123000.00000000001.
	const value = (Math.round(Number(s) * scale * 1e6) / 1e6) * (negative ? -1 : 1);
	return Number.isFinite(value) ? { ok: true, value: value === 0 ? 0 : value, currency } : bad;
}
