import { civilDateStart, DAY_MS, localIsoDate, parseIsoDate } from '../shared/dates';
import type { Id, IsoDate } from '../shared/types';
import { formatScaled } from './decimal';
import type { LineKind, PayoutStatement } from './statement';

/**
 * Rows for the payroll CSV: one per statement, amounts in major units written exactly ('3000.00',
 * never a float's 2999.9999). The columns are codes: the caller puts the translated header on
 * top and hands the rows to the CSV codec (src/lib/io/csv), which writes the text.
 */
export const PAYROLL_COLUMNS = [
	'statement_id',
	'member_id',
	'member_name',
	'period_start',
	'period_last_day',
	'currency',
	'base',
	'commission',
	'performance_bonus',
	'team_bonus',
	'adjustments',
	'total',
	'plan_id',
	'closed'
] as const;
export type PayrollColumn = (typeof PAYROLL_COLUMNS)[number];

const digitsCache = new Map<string, number>();

/** The currency's minor-unit digits (2 for CNY, 0 for JPY); 2 for a code Intl does not know. */
export function minorDigits(currency: string): number {
	let d = digitsCache.get(currency);
	if (d === undefined) {
		try {
			d = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
				.maximumFractionDigits;
		} catch {
			d = 2;
		}
		d = d ?? 2;
		digitsCache.set(currency, d);
	}
	return d;
}

/** Minor units as exact major-unit text: (300000, 'CNY') → '3000.00'. */
export function majorText(minor: number | bigint, currency: string): string {
	const digits = minorDigits(currency);
	const text = formatScaled(BigInt(minor), digits);
	const [int, frac = ''] = text.split('.');
	return digits === 0 ? (int as string) : `${int}.${frac.padEnd(digits, '0')}`;
}

/** The day before an exclusive end: payroll speaks of periods by their last day. */
function lastDay(end: IsoDate): IsoDate {
	const d = parseIsoDate(end);
	return d ? localIsoDate(civilDateStart(d, 0) - DAY_MS, 0) : '';
}

function sumOf(s: PayoutStatement, kind: LineKind): bigint {
	return s.lines.filter((l) => l.detail.kind === kind).reduce((a, l) => a + BigInt(l.minor), 0n);
}

export function payrollRows(
	statements: readonly PayoutStatement[],
	names: ReadonlyMap<Id, string>
): string[][] {
	return statements.map((s) => {
		const money = (kind: LineKind) => majorText(sumOf(s, kind), s.currency);
		const cells: Record<PayrollColumn, string> = {
			statement_id: s.id,
			member_id: s.memberId,
			member_name: names.get(s.memberId) ?? '',
			period_start: s.period.start,
			period_last_day: lastDay(s.period.end),
			currency: s.currency,
			base: money('base'),
			commission: money('commission'),
			performance_bonus: money('performance_bonus'),
			team_bonus: money('team_bonus'),
			adjustments: money('adjustment'),
			total: majorText(s.totalMinor, s.currency),
			plan_id: s.plan.id,
			closed: s.closedAt === null ? '0' : '1'
		};
		return PAYROLL_COLUMNS.map((c) => cells[c]);
	});
}
