/**
 * Cell values for CSV exports: dates and times as local `YYYY-MM-DD HH:mm` (sorted and read the
 * same by Excel in any language), money as a plain decimal with its currency in a column of its own.
 */
const pad = (n: number) => String(n).padStart(2, '0');

export function csvDateTime(at: number | null): string {
	if (at === null || !Number.isFinite(at)) return '';
	const d = new Date(at);
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Minor units → `1234.50` (JPY and other currencies without minor units: `1234`). */
export function csvMoney(minor: number, currency: string): string {
	const digits = fractionDigits(currency);
	const sign = minor < 0 ? '-' : '';
	const abs = Math.abs(Math.round(minor));
	if (digits === 0) return `${sign}${abs}`;
	const unit = 10 ** digits;
	return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(digits, '0')}`;
}

export function fractionDigits(currency: string): number {
	try {
		return (
			new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
				.maximumFractionDigits ?? 2
		);
	} catch {
		return 2;
	}
}
