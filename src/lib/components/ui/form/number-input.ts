/**
 * A number typed into a form field: an empty field is not zero but NaN, so that the record's
 * check refuses it ("enter the hours") instead of saving 0; a decimal comma reads as a point.
 */
export function parseNumberInput(s: string): number {
	const v = s.trim().replace(',', '.');
	return v === '' ? Number.NaN : Number(v);
}
