import { csvEncoding } from '$lib/components/export/csv-encoding.svelte';
import { downloadFile } from '$lib/components/ui/download';
import { localOffset } from '$lib/components/ui/local-offset';
import { localIsoDate } from '$lib/domain/shared/dates';
import { toCsv } from '$lib/io/csv/export';

/**
 * Offers rows (the first one is the header) as a CSV file Excel opens correctly: UTF-8 with a BOM,
 * or GB18030 when the person chose it (the shared export encoding).
 */
export function downloadCsv(name: string, rows: Iterable<readonly string[]>): void {
	const encoding = csvEncoding.value;
	const charset = encoding === 'gb18030' ? 'gb18030' : 'utf-8';
	downloadFile(name, [...toCsv(rows, { encoding })], `text/csv;charset=${charset}`);
}

/** `tasks-2026-11-22.csv` with the local date. */
export function datedName(base: string, ext: string, at = Date.now()): string {
	return `${base}-${localIsoDate(at, localOffset(at))}.${ext}`;
}
