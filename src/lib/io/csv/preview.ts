/**
 * The first rows of a file for the import wizard's preview, from its first 64 KiB only: fast
 * enough to run again on the main thread every time the person changes the encoding or the
 * delimiter. The full read (checking every row) runs in the import worker through `importCsv`.
 */
import { decodeChunks, type CsvEncoding } from './decode';
import type { Delimiter } from './delimiter';
import type { LimitRefusal } from './limits';
import { parseRows } from './parse';
import { sniff, type EncodingCandidate, type SniffRefusal } from './sniff';

export type PreviewResult =
	| { ok: false; code: SniffRefusal | LimitRefusal }
	| { ok: false; code: 'encoding_ambiguous'; byteOffset: number; candidates: EncodingCandidate[] }
	| {
			ok: true;
			encoding: CsvEncoding;
			delimiter: Delimiter;
			headers: string[];
			rows: string[][];
	  };

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
	yield bytes;
}

async function* text(s: string): AsyncGenerator<string> {
	yield s;
}

export async function previewCsv(
	head: Uint8Array,
	complete: boolean,
	options: { encoding?: CsvEncoding; delimiter?: Delimiter } = {},
	limit = 10
): Promise<PreviewResult> {
	const sniffed = sniff(head, { complete, encoding: options.encoding });
	if (!sniffed.ok) return sniffed;
	const encoding = options.encoding ?? sniffed.encoding;
	const delimiter = options.delimiter ?? sniffed.delimiter;
	let decoded = '';
	for await (const s of decodeChunks(once(head), encoding, { fatal: false })) decoded += s;
	// A head cut mid-file ends mid-record: keep whole lines only. When the first line is longer
	// than the head there is nothing to show yet, but a header over a cap is refused already.
	const whole = complete ? decoded : decoded.slice(0, decoded.lastIndexOf('\n') + 1);
	const partial = whole === '';
	let headers: string[] = [];
	const rows: string[][] = [];
	for await (const ev of parseRows(text(partial ? decoded : whole), {
		delimiter,
		batchSize: limit
	})) {
		if (ev.kind === 'refused') return { ok: false, code: ev.code };
		if (partial) continue;
		if (ev.kind === 'header') headers = ev.headers;
		else for (const r of ev.rows) if (rows.length < limit) rows.push(r.cells);
		if (rows.length >= limit) break;
	}
	return { ok: true, encoding, delimiter, headers, rows };
}
