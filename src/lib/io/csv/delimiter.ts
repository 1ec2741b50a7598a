/**
 * Delimiter detection among `,` `;` tab `|`: parse the first lines with each candidate
 * (PapaParse, so quoted delimiters do not count) and keep the one that splits the lines into
 * the same number of fields most consistently, preferring more fields on a tie. European Excel
 * writes `;` because `,` is their decimal mark, so "1.234,50" must not win for `,`.
 */
import Papa from 'papaparse';

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

const SAMPLE_LINES = 30;

interface Score {
	delimiter: Delimiter;
	consistency: number;
	fields: number;
}

function score(text: string, delimiter: Delimiter): Score {
	const rows = Papa.parse<string[]>(text, {
		delimiter,
		preview: SAMPLE_LINES,
		skipEmptyLines: 'greedy'
	}).data;
	const counts = new Map<number, number>();
	for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
	let fields = 1;
	let best = 0;
	for (const [n, c] of counts) {
		if (c > best || (c === best && n > fields)) [fields, best] = [n, c];
	}
	return { delimiter, consistency: rows.length ? best / rows.length : 0, fields };
}

/** `complete` says the text is the whole file; otherwise its cut-off last line is ignored. */
export function detectDelimiter(text: string, complete: boolean): Delimiter {
	let sample = text;
	if (!complete) {
		const cut = Math.max(sample.lastIndexOf('\n'), sample.lastIndexOf('\r'));
		if (cut > 0) sample = sample.slice(0, cut);
	}
	let best: Score = { delimiter: ',', consistency: 0, fields: 1 };
	for (const d of DELIMITERS) {
		const s = score(sample, d);
		if (s.fields < 2) continue;
		if (
			s.consistency > best.consistency + 1e-9 ||
			(Math.abs(s.consistency - best.consistency) < 1e-9 && s.fields > best.fields)
		)
			best = s;
	}
	return best.delimiter;
}
