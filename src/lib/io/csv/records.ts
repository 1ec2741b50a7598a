/**
 * Record splitter: cuts decoded text into whole CSV records, before PapaParse splits fields.
 *
 * Why not hand everything to Papa: Papa decides a file's line ending once (mixed CRLF/LF files
 * then merge rows), and an unclosed quote makes it swallow the rest of the file into one cell
 * while re-parsing an ever-growing partial line. This class follows the same quote rules as
 * Papa (a quote opens only at the start of a field; `""` is a quote; a quote closes when only
 * whitespace stands between it and a delimiter or line end) but only to find record
 * boundaries. It writes every record end as `\n` (line breaks inside quotes are kept as they
 * are), numbers records as a spreadsheet would (first record = 1), and stops runaway quotes.
 *
 * A quoted field is a runaway (reported as `quote_unclosed` at its record, which is dropped,
 * and scanning restarts at the next physical line) when it reaches the end of the file, spans
 * more than `maxQuotedLines` line breaks or `maxQuotedChars` characters, or — once it has
 * closed across line breaks — left its record with more fields than the header (+1 for a
 * trailing delimiter) or contained a lone (undoubled) quote after a line break. (Counting
 * delimiters on the lines inside the quotes was tried and dropped: real notes and addresses
 * contain delimiter-rich lines, and the round-trip property test found it.)
 *
 * An unquoted cell longer than `maxCellChars`, or a record of more than `maxColumns` cells, is
 * reported as `over_limit` at its record, which is dropped: the rest of its line is skipped
 * without being kept (limits.ts). Text is scanned as it arrives but joined to an unfinished
 * record only once the new text is as long as that record, so a long record arriving in small
 * chunks is copied a bounded number of times, not once per chunk.
 */

import { MAX_COLUMNS, MAX_CSV_CELL } from './limits';

export type RecordEvent =
	| { kind: 'records'; firstLine: number; count: number; text: string }
	| { kind: 'quote_unclosed'; line: number }
	| { kind: 'over_limit'; line: number; limit: 'cell' | 'columns'; column: number };

export interface SplitterOptions {
	maxQuotedLines?: number;
	maxQuotedChars?: number;
	maxCellChars?: number;
	maxColumns?: number;
}

const LF = 10;
const CR = 13;
const QUOTE = 34;

// Scanner states.
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_SEEN = 3; // a quote inside a quoted field: escaped `""` or a closing quote?
const CLOSE_CANDIDATE = 4; // after that quote, only whitespace so far
const AFTER_CR = 5; // a record ended with CR; swallow a following LF
const SKIP_LINE = 6; // dropping the rest of a runaway line that had no line break

const isSpace = (c: number): boolean => c === 32 || c === 9 || /\s/.test(String.fromCharCode(c));

export class RecordSplitter {
	private buf = '';
	/** Text not scanned yet, waiting to be joined to `buf` in one piece (see push). */
	private pending: string[] = [];
	private pendingLength = 0;
	private pos = 0;
	private recStart = 0;
	private state = FIELD_START;
	private line = 1;
	private expected = 0;
	private out: string[] = [];
	private outFirstLine = 1;
	private events: RecordEvent[] = [];
	private readonly delim: number;
	private readonly maxLines: number;
	private readonly maxChars: number;
	private readonly maxCell: number;
	private readonly maxColumns: number;
	// Per record.
	private fields = 1;
	private fieldStart = 0;
	private quotedBreaks = 0;
	private quoteStart = -1;
	private resumeAt = -1;
	private strayQuote = false;

	constructor(delimiter: string, options: SplitterOptions = {}) {
		this.delim = delimiter.charCodeAt(0);
		this.maxLines = options.maxQuotedLines ?? 500;
		this.maxChars = options.maxQuotedChars ?? MAX_CSV_CELL;
		this.maxCell = options.maxCellChars ?? MAX_CSV_CELL;
		this.maxColumns = options.maxColumns ?? MAX_COLUMNS;
	}

	push(chunk: string): RecordEvent[] {
		this.pending.push(chunk);
		this.pendingLength += chunk.length;
		// Joining the kept text to every chunk would copy a long record once per chunk.
		if (this.pendingLength < this.buf.length - this.cut()) return [];
		this.join();
		this.scan();
		return this.take();
	}

	/** Where the kept text starts: the unfinished record, or nothing while skipping a line. */
	private cut(): number {
		return this.state === SKIP_LINE ? this.pos : this.recStart;
	}

	private join(): void {
		const cut = this.cut();
		this.buf = this.buf.slice(cut) + this.pending.join('');
		this.pending = [];
		this.pendingLength = 0;
		this.pos -= cut;
		this.recStart = Math.max(0, this.recStart - cut);
		this.fieldStart -= cut;
		if (this.quoteStart >= 0) this.quoteStart -= cut;
		if (this.resumeAt >= 0) this.resumeAt -= cut;
	}

	end(): RecordEvent[] {
		this.join();
		for (;;) {
			this.scan();
			// End of text inside quotes: a runaway; rescan from the line after it opened.
			if (this.state === QUOTED) {
				this.runaway();
				continue;
			}
			// QUOTE_SEEN and CLOSE_CANDIDATE mean the last quote closed at the end of the text.
			if (this.state === SKIP_LINE || this.state === AFTER_CR) break;
			if (this.recStart >= this.buf.length && this.fields === 1) break;
			if (this.endRecord(this.buf.length)) break;
		}
		this.flush();
		this.buf = '';
		this.pos = this.recStart = 0;
		this.state = FIELD_START;
		return this.take();
	}

	private take(): RecordEvent[] {
		this.flush();
		const e = this.events;
		this.events = [];
		return e;
	}

	private flush(): void {
		if (this.out.length === 0) return;
		const text = this.out.join('\n') + '\n';
		this.events.push({
			kind: 'records',
			firstLine: this.outFirstLine,
			count: this.out.length,
			text
		});
		this.out = [];
		this.outFirstLine = this.line;
	}

	private resetRecord(): void {
		this.fields = 1;
		this.quotedBreaks = 0;
		this.quoteStart = -1;
		this.resumeAt = -1;
		this.strayQuote = false;
	}

	/** False when the record turned out to be a runaway (scanning then restarts earlier). */
	private endRecord(end: number): boolean {
		const broken =
			this.expected > 0 &&
			this.quotedBreaks > 0 &&
			(this.fields > this.expected + 1 || this.strayQuote);
		if (broken) {
			this.runaway();
			return false;
		}
		const text = this.buf.slice(this.recStart, end);
		if (this.expected === 0 && text.trim() !== '') this.expected = this.fields;
		this.out.push(text);
		this.line++;
		this.resetRecord();
		return true;
	}

	/** Report the record as over a cap and skip the rest of its line, keeping none of it. */
	private overLimit(limit: 'cell' | 'columns'): void {
		this.flush();
		this.events.push({ kind: 'over_limit', line: this.line, limit, column: this.fields });
		this.line++;
		this.outFirstLine = this.line;
		this.state = SKIP_LINE;
		this.resetRecord();
	}

	/** Report the record as `quote_unclosed` and rescan from the line after its quote opened. */
	private runaway(): void {
		this.flush();
		this.events.push({ kind: 'quote_unclosed', line: this.line });
		this.line++;
		this.outFirstLine = this.line;
		if (this.resumeAt >= 0) {
			this.pos = this.recStart = this.resumeAt;
			this.state = FIELD_START;
		} else {
			this.state = SKIP_LINE;
		}
		this.resetRecord();
	}

	private scan(): void {
		const b = this.buf;
		const len = b.length;
		const d = this.delim;
		while (this.pos < len) {
			const c = b.charCodeAt(this.pos);
			switch (this.state) {
				case FIELD_START:
					if (c === QUOTE) {
						this.state = QUOTED;
						this.quoteStart = this.pos++;
					} else {
						this.state = UNQUOTED;
						this.fieldStart = this.pos;
					}
					break;
				case UNQUOTED:
					if (c === d) {
						if (++this.fields > this.maxColumns) {
							this.overLimit('columns');
							break;
						}
						this.state = FIELD_START;
						this.pos++;
					} else if (c === LF || c === CR) {
						if (!this.endRecord(this.pos)) break;
						this.pos++;
						this.recStart = this.pos;
						this.state = c === CR ? AFTER_CR : FIELD_START;
					} else if (++this.pos - this.fieldStart > this.maxCell) this.overLimit('cell');
					break;
				case AFTER_CR:
					if (c === LF) this.recStart = ++this.pos;
					this.state = FIELD_START;
					break;
				case QUOTED:
					if (c === QUOTE) this.state = QUOTE_SEEN;
					else if (c === CR || c === LF) {
						const crlf = c === LF && b.charCodeAt(this.pos - 1) === CR;
						if (crlf && this.resumeAt === this.pos) this.resumeAt++;
						if (!crlf) {
							this.quotedBreaks++;
							if (this.resumeAt < 0) this.resumeAt = this.pos + 1;
							if (this.quotedBreaks > this.maxLines) {
								this.runaway();
								break;
							}
						}
					}
					if (this.pos - this.quoteStart > this.maxChars) {
						this.runaway();
						break;
					}
					this.pos++;
					break;
				case QUOTE_SEEN:
					if (c === QUOTE) {
						this.state = QUOTED;
						this.pos++;
					} else this.state = CLOSE_CANDIDATE;
					break;
				case CLOSE_CANDIDATE:
					if (c === d || c === LF || c === CR) this.state = UNQUOTED;
					else if (isSpace(c)) this.pos++;
					else {
						// A lone quote inside a quoted field: exporters always double them, so after
						// a line break this is usually the opening quote of a later row's field.
						if (this.quotedBreaks > 0) this.strayQuote = true;
						this.state = QUOTED;
					}
					break;
				case SKIP_LINE:
					this.pos++;
					if (c === LF || c === CR) {
						this.recStart = this.pos;
						this.state = c === CR ? AFTER_CR : FIELD_START;
					}
					break;
			}
		}
	}
}
