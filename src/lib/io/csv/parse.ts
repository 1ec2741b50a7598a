/**
 * Streaming parse: decoded text chunks in, batches of rows out. RecordSplitter cuts the text at
 * record boundaries only (outside quotes), so every block handed to Papa.parse is a complete
 * CSV document and no row is ever split between two Papa calls.
 *
 * Rows are numbered as a spreadsheet shows them (the header is row 1; blank lines count but are
 * not returned). Cells come back with formula neutralisation undone (see formula.ts).
 */
import Papa from 'papaparse';
import { restoreCell } from './formula';
import { cleanHeaders } from './headers';
import type { Severity } from './issues';
import type { LimitIssueCode, LimitRefusal } from './limits';
import { RecordSplitter, type SplitterOptions } from './records';

export type ParseIssueCode = 'row_ragged' | 'quote_unclosed' | LimitIssueCode;

export interface ParsedRow {
	line: number;
	cells: string[];
}

/** `row_ragged` with more non-empty cells than headers is an error; a short row is padded. */
export interface ParseIssue {
	line: number;
	code: ParseIssueCode;
	severity: Severity;
	expected?: number;
	actual?: number;
	/** The column a cap names (1-based). */
	column?: number;
}

/** A header row over a cap refuses the file (limits.ts); nothing follows a refusal. */
export type ParseEvent =
	| { kind: 'header'; line: number; headers: string[] }
	| { kind: 'batch'; rows: ParsedRow[]; issues: ParseIssue[] }
	| { kind: 'refused'; code: LimitRefusal };

export interface ParseOptions extends SplitterOptions {
	delimiter: string;
	/** Rows per batch; about 2,000 keeps a worker responsive and messages small. */
	batchSize?: number;
}

const isBlank = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === '');

function papaRows(text: string, delimiter: string, count: number): string[][] {
	// Papa.parse drops a leading U+FEFF from its input; a cell may really start with one.
	const guard = text.charCodeAt(0) === 0xfeff;
	const data = Papa.parse<string[]>(guard ? `\n${text}` : text, {
		delimiter,
		newline: '\n',
		quoteChar: '"',
		escapeChar: '"',
		header: false,
		dynamicTyping: false,
		skipEmptyLines: false
	}).data;
	return data.slice(guard ? 1 : 0, (guard ? 1 : 0) + count);
}

export async function* parseRows(
	chunks: AsyncIterable<string>,
	options: ParseOptions
): AsyncGenerator<ParseEvent> {
	const batchSize = options.batchSize ?? 2000;
	const splitter = new RecordSplitter(options.delimiter, options);
	let width = -1;
	let rows: ParsedRow[] = [];
	let issues: ParseIssue[] = [];
	const out: ParseEvent[] = [];

	const accept = (line: number, raw: string[]): void => {
		if (isBlank(raw)) return;
		const cells = raw.map(restoreCell);
		if (width < 0) {
			width = cells.length;
			out.push({ kind: 'header', line, headers: cleanHeaders(cells) });
			return;
		}
		if (cells.length > width) {
			// A trailing delimiter (empty extra cells) is harmless; extra data is not.
			if (cells.slice(width).some((c) => c.trim() !== '')) {
				issues.push({
					line,
					code: 'row_ragged',
					severity: 'error',
					expected: width,
					actual: cells.length
				});
				return;
			}
			cells.length = width;
		} else if (cells.length < width) {
			issues.push({
				line,
				code: 'row_ragged',
				severity: 'warning',
				expected: width,
				actual: cells.length
			});
			while (cells.length < width) cells.push('');
		}
		rows.push({ line, cells });
	};

	let refused: LimitRefusal | null = null;
	const handle = function* (events: ReturnType<RecordSplitter['push']>): Generator<ParseEvent> {
		for (const ev of events) {
			if (ev.kind === 'quote_unclosed') {
				issues.push({ line: ev.line, code: 'quote_unclosed', severity: 'error' });
				continue;
			}
			if (ev.kind === 'over_limit') {
				if (width < 0) {
					refused = ev.limit === 'cell' ? 'file_cell_over_limit' : 'file_columns_over_limit';
					return;
				}
				const code = ev.limit === 'cell' ? 'cell_over_limit' : 'columns_over_limit';
				issues.push({ line: ev.line, code, severity: 'error', column: ev.column });
				continue;
			}
			const data = papaRows(ev.text, options.delimiter, ev.count);
			for (let i = 0; i < data.length; i++) {
				accept(ev.firstLine + i, data[i] ?? []);
				if (out.length > 0) yield* out.splice(0);
				if (rows.length >= batchSize) {
					yield { kind: 'batch', rows, issues };
					rows = [];
					issues = [];
				}
			}
		}
	};

	for await (const chunk of chunks) {
		yield* handle(splitter.push(chunk));
		if (refused) break;
	}
	if (!refused) yield* handle(splitter.end());
	if (refused) {
		yield { kind: 'refused', code: refused };
		return;
	}
	if (rows.length > 0 || issues.length > 0) yield { kind: 'batch', rows, issues };
}
