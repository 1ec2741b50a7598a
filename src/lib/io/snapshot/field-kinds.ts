import type { FieldKind } from '../../sync/tables';

/**
 * The values each kind of field accepts (the registry of synced tables, sync/tables.ts, gives each
 * field its kind): restore() refuses a record whose known field holds anything else.
 */

export const MAX_TEXT = 100_000;
export const MAX_ID = 200;
export const MAX_LIST = 1_000;
/** Numbers beyond ±1e15 are not amounts, dates or counts anyone enters. */
export const MAX_ABS_NUMBER = 1e15;
/** Characters of a structured value (a period's frozen figures, a team setting) as JSON. */
export const MAX_JSON = 1_000_000;

const isStr = (v: unknown, max: number) => typeof v === 'string' && v.length <= max;
const isNum = (v: unknown) =>
	typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= MAX_ABS_NUMBER;

/** Whether a value fits its declared kind (absurd values fail). */
export function fitsKind(kind: FieldKind, v: unknown): boolean {
	switch (kind) {
		case 'string':
			return isStr(v, MAX_TEXT);
		case 'id':
			return isStr(v, MAX_ID);
		case 'id?':
			return v === null || isStr(v, MAX_ID);
		case 'number':
			return isNum(v);
		case 'number?':
			return v === null || isNum(v);
		case 'boolean':
			return typeof v === 'boolean';
		case 'strings':
			return Array.isArray(v) && v.length <= MAX_LIST && v.every((s) => isStr(s, MAX_TEXT));
		case 'money': {
			if (typeof v !== 'object' || v === null) return false;
			const m = v as Record<string, unknown>;
			return (
				Number.isSafeInteger(m.minor) &&
				typeof m.currency === 'string' &&
				/^[A-Z]{3}$/.test(m.currency) &&
				Object.keys(m).length === 2
			);
		}
		case 'date?':
			return v === null || v === '' || (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v));
		case 'json':
			return isPlainData(v) && JSON.stringify(v).length <= MAX_JSON;
	}
}

/** JSON's own values only: what a reader of the file in another language also reads. */
function isPlainData(v: unknown): boolean {
	if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
	if (typeof v === 'number') return Number.isFinite(v);
	if (Array.isArray(v)) return v.every(isPlainData);
	if (typeof v !== 'object') return false;
	const proto: unknown = Object.getPrototypeOf(v);
	if (proto !== Object.prototype && proto !== null) return false;
	return Object.values(v).every(isPlainData);
}
