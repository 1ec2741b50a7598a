/**
 * Headless CSV import — the one entry point for the import Web Worker, tests and benchmarks.
 * No Dexie, no DOM: bytes in, events out; the caller stores what it accepts.
 *
 *   for await (const ev of importCsv(file, { target: 'customer', existing })) switch (ev.kind) {
 *     case 'refused':   // ev.code: file_empty | file_bom_only | file_xlsx | file_xls | file_pdf |
 *                       //          file_image | file_binary, or (after the header's line was read)
 *                       //          file_cell_over_limit | file_columns_over_limit — nothing follows
 *     case 'ambiguous': // encoding_ambiguous: ev.byteOffset, ev.candidates [{encoding, excerpt}];
 *                       // ask, then run again with { encoding } — nothing follows
 *     case 'sniffed':   // ev.encoding, ev.delimiter
 *     case 'header':    // ev.headers (cleaned), ev.mapping (given or suggested), ev.signature
 *     case 'batch':     // ev.rows: ~2,000 × { line, draft | null, issues, duplicates, duplicateOfLines }
 *     case 'progress':  // ev.bytesRead, ev.totalBytes (null for streams), ev.rows
 *     case 'failed':    // encoding_invalid at ev.byteOffset: a bad byte after the sniffed 64 KiB;
 *                       // rows already sent are void; run again with { encoding } to read on
 *                       // with U+FFFD (decoding is strict only while the encoding is a guess)
 *     case 'done':      // ev.summary: counts, issue counts by code, notice file_header_only
 *   }
 *
 * `line` is the spreadsheet row number (header = 1). `draft === null` means the row is rejected
 * (an issue with severity 'error' says why). Duplicates (customers only): `duplicates` against
 * `existing` customers, `duplicateOfLines` against earlier rows of the same file.
 * Memory stays flat: bytes are decoded and parsed in chunks, rows leave in batches.
 */
import { CsvDecodeError, decodeChunks, type CsvEncoding } from './decode';
import type { Delimiter } from './delimiter';
import {
	duplicateKeys,
	DuplicateIndex,
	FileDuplicates,
	type DuplicateCandidate,
	type DuplicateMatch,
	type DuplicateRule
} from '../../domain/customer/duplicates';
import { CustomerKeyIndex } from './customer-key';
import type { ColumnMapping, ImportTarget } from './fields';
import type { FieldIssue } from './issues';
import type { LimitRefusal } from './limits';
import { headerSignature, sanitizeMapping, suggestMapping } from './mapping';
import {
	createCustomerNormalizer,
	type CustomerImportDraft,
	type NormalizedRow,
	type NormalizeOptions
} from './normalize';
import {
	createInteractionNormalizer,
	createOrderNormalizer,
	type ActivityOptions,
	type InteractionImportDraft,
	type OrderImportDraft
} from './normalize-activity';
import { parseRows, type ParseIssue } from './parse';
import { createPhoneNormalizer } from './phone-cache';
import { SNIFF_BYTES, sniff, type EncodingCandidate, type SniffRefusal } from './sniff';
import { chunksOf, peek, totalBytes, type CsvInput } from './source';

export interface DraftOf {
	customer: CustomerImportDraft;
	interaction: InteractionImportDraft;
	order: OrderImportDraft;
}

export interface ImportOptions<T extends ImportTarget> extends NormalizeOptions, ActivityOptions {
	target: T;
	/** Set after the person answered `ambiguous`, or to override detection. */
	encoding?: CsvEncoding;
	delimiter?: Delimiter;
	/** A saved or corrected mapping; suggested from the headers when absent. */
	mapping?: readonly (string | null)[];
	/**
	 * Stored customers: duplicates of a customer row are found among them; an interaction or an
	 * order row is linked to one of them by its customer key (id, email, phone or name).
	 */
	existing?: DuplicateIndex | Iterable<DuplicateCandidate>;
	batchSize?: number;
}

export type ImportIssue = FieldIssue & { expected?: number; actual?: number };

/** Why a whole file is refused: not delimited text, or a header row over a cap. */
export type FileRefusal = SniffRefusal | LimitRefusal;

export interface ImportedRow<D> {
	line: number;
	draft: D | null;
	issues: ImportIssue[];
	duplicates: DuplicateMatch[];
	duplicateOfLines: { line: number; rule: DuplicateRule }[];
	/** The row's original cells, kept only for a rejected row (for the rejected-rows download). */
	cells?: string[];
	/** Interactions and orders: the stored customer the key names (when `existing` was given). */
	customerId?: string;
}

export interface ImportSummary {
	rows: number;
	accepted: number;
	rejected: number;
	withWarnings: number;
	duplicates: number;
	issueCounts: Record<string, number>;
	notice: 'file_header_only' | null;
}

export type ImportEvent<T extends ImportTarget> =
	| { kind: 'refused'; code: FileRefusal }
	| {
			kind: 'ambiguous';
			code: 'encoding_ambiguous';
			byteOffset: number;
			candidates: EncodingCandidate[];
	  }
	| { kind: 'sniffed'; encoding: CsvEncoding; delimiter: Delimiter }
	| { kind: 'header'; headers: string[]; mapping: ColumnMapping<T>; signature: string }
	| { kind: 'batch'; rows: ImportedRow<DraftOf[T]>[] }
	| { kind: 'progress'; bytesRead: number; totalBytes: number | null; rows: number }
	| { kind: 'failed'; code: 'encoding_invalid'; byteOffset: number }
	| { kind: 'done'; summary: ImportSummary };

type Normalizer<D> = (cells: readonly string[]) => NormalizedRow<D>;

function normalizerFor<T extends ImportTarget>(
	mapping: ColumnMapping<T>,
	options: ImportOptions<T>
): Normalizer<DraftOf[T]> {
	const o = options as ImportOptions<ImportTarget>;
	const m = mapping as ColumnMapping<never>;
	const make = {
		customer: () => createCustomerNormalizer(m, o),
		interaction: () => createInteractionNormalizer(m, o),
		order: () => createOrderNormalizer(m, o)
	}[options.target];
	return make() as Normalizer<DraftOf[T]>;
}

const toIssue = (p: ParseIssue): ImportIssue => ({
	field: '',
	code: p.code,
	severity: p.severity,
	...(p.expected === undefined ? {} : { expected: p.expected, actual: p.actual }),
	...(p.column === undefined ? {} : { column: p.column })
});

/**
 * Links an activity row to a stored customer; an unknown or ambiguous key rejects the row (the
 * row's draft becomes null and an error names the key).
 */
function linkCustomer<D>(index: CustomerKeyIndex, n: NormalizedRow<D>): string | undefined {
	const key = (n.draft as { customerKey?: string }).customerKey ?? '';
	const r = index.resolve(key);
	if (r.ok) return r.id;
	n.draft = null;
	n.issues = [...n.issues, { field: 'customerKey', code: r.code, severity: 'error', value: key }];
	return undefined;
}

export async function* importCsv<T extends ImportTarget>(
	input: CsvInput,
	options: ImportOptions<T>
): AsyncGenerator<ImportEvent<T>> {
	const total = totalBytes(input);
	let bytesRead = 0;
	const counted = async function* (src: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
		for await (const b of src) {
			bytesRead += b.length;
			yield b;
		}
	};
	const { head, complete, chunks } = await peek(chunksOf(input), SNIFF_BYTES);
	const sniffed = sniff(head, { complete, encoding: options.encoding });
	if (!sniffed.ok) {
		if (sniffed.code === 'encoding_ambiguous') {
			const { code, byteOffset, candidates } = sniffed;
			yield { kind: 'ambiguous', code, byteOffset, candidates };
		} else yield { kind: 'refused', code: sniffed.code };
		return;
	}
	const delimiter = options.delimiter ?? sniffed.delimiter;
	yield { kind: 'sniffed', encoding: sniffed.encoding, delimiter };

	const existing =
		options.target !== 'customer' || !options.existing
			? null
			: options.existing instanceof DuplicateIndex
				? options.existing
				: new DuplicateIndex(options.existing);
	const inFile = options.target === 'customer' ? new FileDuplicates() : null;
	const keyIndex =
		options.target !== 'customer' &&
		options.existing &&
		!(options.existing instanceof DuplicateIndex)
			? new CustomerKeyIndex(options.existing, createPhoneNormalizer(options.region ?? 'CN'))
			: null;
	const summary: ImportSummary = {
		rows: 0,
		accepted: 0,
		rejected: 0,
		withWarnings: 0,
		duplicates: 0,
		issueCounts: {},
		notice: null
	};
	let normalize: Normalizer<DraftOf[T]> | null = null;
	let sawHeader = false;

	const finish = (row: ImportedRow<DraftOf[T]>): ImportedRow<DraftOf[T]> => {
		summary.rows++;
		if (row.draft) summary.accepted++;
		else summary.rejected++;
		if (row.draft && row.issues.length > 0) summary.withWarnings++;
		if (row.duplicates.length > 0 || row.duplicateOfLines.length > 0) summary.duplicates++;
		for (const i of row.issues)
			summary.issueCounts[i.code] = (summary.issueCounts[i.code] ?? 0) + 1;
		return row;
	};

	const text = decodeChunks(counted(chunks), sniffed.encoding, { fatal: !options.encoding });
	try {
		for await (const ev of parseRows(text, { delimiter, batchSize: options.batchSize })) {
			if (ev.kind === 'header') {
				sawHeader = true;
				const mapping = options.mapping
					? sanitizeMapping(options.mapping, ev.headers.length, options.target)
					: suggestMapping(ev.headers, options.target);
				normalize = normalizerFor(mapping, options);
				yield {
					kind: 'header',
					headers: ev.headers,
					mapping,
					signature: headerSignature(ev.headers)
				};
				continue;
			}
			if (ev.kind === 'refused') {
				yield { kind: 'refused', code: ev.code };
				return;
			}
			const byLine = new Map<number, ImportIssue[]>();
			for (const p of ev.issues) byLine.set(p.line, [...(byLine.get(p.line) ?? []), toIssue(p)]);
			const rows: ImportedRow<DraftOf[T]>[] = [];
			for (const r of ev.rows) {
				const n: NormalizedRow<DraftOf[T]> = normalize
					? normalize(r.cells)
					: { draft: null, issues: [] };
				const link = keyIndex && n.draft ? linkCustomer(keyIndex, n) : undefined;
				const issues = [...(byLine.get(r.line) ?? []), ...n.issues];
				byLine.delete(r.line);
				const c = n.draft as Partial<CustomerImportDraft> | null;
				const candidate = c && {
					kind: c.kind ?? 'person',
					name: c.name ?? '',
					company: c.company ?? '',
					phones: c.phones ?? [],
					emails: c.emails ?? []
				};
				const keys = candidate && (existing || inFile) ? duplicateKeys(candidate) : null;
				rows.push(
					finish({
						line: r.line,
						draft: n.draft,
						issues,
						duplicates: keys && existing ? existing.matchKeys(keys) : [],
						duplicateOfLines:
							keys && candidate && inFile ? inFile.check(r.line, candidate, keys) : [],
						...(n.draft === null ? { cells: [...r.cells] } : {}),
						...(link ? { customerId: link } : {})
					})
				);
			}
			for (const [line, issues] of byLine)
				rows.push(finish({ line, draft: null, issues, duplicates: [], duplicateOfLines: [] }));
			rows.sort((a, b) => a.line - b.line);
			yield { kind: 'batch', rows };
			yield { kind: 'progress', bytesRead, totalBytes: total, rows: summary.rows };
		}
	} catch (e) {
		if (!(e instanceof CsvDecodeError)) throw e;
		yield { kind: 'failed', code: e.code, byteOffset: e.byteOffset };
		return;
	}
	if (!sawHeader) {
		yield { kind: 'refused', code: 'file_empty' };
		return;
	}
	if (summary.rows === 0) summary.notice = 'file_header_only';
	yield { kind: 'done', summary };
}
