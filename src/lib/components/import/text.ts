import { formatNumber, hasMessage, t } from '$lib/i18n/i18n.svelte';
import { MAX_COLUMNS, MAX_CSV_CELL } from '$lib/io/csv/limits';
import { MAX_CELL } from '$lib/io/csv/text';
import type { RejectedRow } from '$lib/io/import/stager';

/** The figures the messages of the caps name. */
const limits = () => ({
	maxCell: formatNumber(MAX_CSV_CELL),
	maxMapped: formatNumber(MAX_CELL),
	maxColumns: formatNumber(MAX_COLUMNS)
});

/** A code from the CSV codec or the import (file_xlsx, name_missing …) as a sentence. */
export function codeText(code: string, params: Record<string, string> = {}): string {
	const key = `imports.code_${code}`;
	return t(hasMessage(key) ? key : 'imports.code_unknown', { ...limits(), ...params });
}

/** Why a row was rejected; a cell over a cap is named by its column's header. */
export function rejectedReasons(row: RejectedRow, headers: readonly string[]): string {
	const n = row.column;
	const column =
		n === undefined
			? ''
			: headers[n - 1] || t('imports.mapping_label', { column: formatNumber(n) });
	return row.codes.map((code) => codeText(code, { column })).join('; ');
}

/** The label of an import field (name, phone …), or the raw field when it has none. */
export function fieldText(field: string): string {
	const key = `imports.field_${field}`;
	return hasMessage(key) ? t(key) : field;
}
