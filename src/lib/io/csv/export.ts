/**
 * CSV export: RFC 4180 quoting, CRLF line ends, formula neutralisation (formula.ts), as
 * Uint8Array chunks so a large export can be streamed into a Blob without one giant string.
 *
 * - 'utf-8-bom': UTF-8 with a BOM, which makes Excel (Windows, Chinese locale included) read
 *   UTF-8 instead of the system code page.
 * - 'gb18030': for older Excel versions and tools that only read the Chinese code page. GB18030
 *   covers all of Unicode, so nothing is lost (unlike GBK).
 */
import type { Delimiter } from './delimiter';
import { neutralizeCell } from './formula';
import { encodeGb18030 } from './gb18030';

export type ExportEncoding = 'utf-8-bom' | 'gb18030';

export interface ExportOptions {
	encoding?: ExportEncoding;
	delimiter?: Delimiter;
	/** Rows per emitted chunk. */
	rowsPerChunk?: number;
}

/** Quote when the cell holds a delimiter, quote, CR or LF, or starts/ends with a space. */
export function formatCell(raw: string, delimiter: string): string {
	const cell = neutralizeCell(raw);
	const needsQuotes =
		cell.includes(delimiter) ||
		/["\r\n]/.test(cell) ||
		(cell.length > 0 && (/^\s/.test(cell) || /\s$/.test(cell)));
	return needsQuotes ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function formatRow(cells: readonly string[], delimiter: string): string {
	// A single empty cell would be a blank line, which importers skip: quote it.
	if (cells.length === 1 && cells[0] === '') return '""';
	return cells.map((c) => formatCell(c, delimiter)).join(delimiter);
}

const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

export function* toCsv(
	rows: Iterable<readonly string[]>,
	options: ExportOptions = {}
): Generator<Uint8Array> {
	const delimiter = options.delimiter ?? ',';
	const perChunk = options.rowsPerChunk ?? 1000;
	const gb = options.encoding === 'gb18030';
	const utf8 = new TextEncoder();
	const encode = (s: string): Uint8Array => (gb ? encodeGb18030(s) : utf8.encode(s));
	if (!gb) yield UTF8_BOM.slice();
	let lines: string[] = [];
	for (const row of rows) {
		lines.push(formatRow(row, delimiter));
		if (lines.length >= perChunk) {
			yield encode(lines.join('\r\n') + '\r\n');
			lines = [];
		}
	}
	if (lines.length > 0) yield encode(lines.join('\r\n') + '\r\n');
}
