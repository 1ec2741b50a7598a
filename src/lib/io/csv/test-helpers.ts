/** Shared by the corpus, sample and round-trip tests (not used by the app). */
import {
	importCsv,
	type ImportEvent,
	type ImportedRow,
	type ImportOptions,
	type DraftOf
} from './codec';
import type { ImportTarget } from './fields';

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

export const concat = (parts: Iterable<Uint8Array>): Uint8Array => {
	const list = [...parts];
	const out = new Uint8Array(list.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of list) {
		out.set(p, at);
		at += p.length;
	}
	return out;
};

export function utf16(s: string, bigEndian = false): Uint8Array {
	const out = new Uint8Array(s.length * 2);
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		out[2 * i + (bigEndian ? 1 : 0)] = c & 0xff;
		out[2 * i + (bigEndian ? 0 : 1)] = c >> 8;
	}
	return out;
}

export async function* chunked(b: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
	for (let i = 0; i < b.length; i += size) yield b.slice(i, i + size);
}

export interface Outcome<T extends ImportTarget> {
	events: ImportEvent<T>[];
	first: ImportEvent<T> | undefined;
	headers: string[] | null;
	mapping: readonly (string | null)[] | null;
	rows: ImportedRow<DraftOf[T]>[];
	last: ImportEvent<T> | undefined;
}

/** Runs the whole importer over bytes fed in small chunks (chunk edges everywhere). */
export async function importAll<T extends ImportTarget = 'customer'>(
	bytes: Uint8Array,
	options: Partial<ImportOptions<T>> = {},
	chunkSize = 1000
): Promise<Outcome<T>> {
	const events: ImportEvent<T>[] = [];
	const opts = { target: 'customer', ...options } as ImportOptions<T>;
	for await (const ev of importCsv(chunked(bytes, chunkSize), opts)) events.push(ev);
	const header = events.find((e) => e.kind === 'header');
	return {
		events,
		first: events[0],
		headers: header?.kind === 'header' ? header.headers : null,
		mapping: header?.kind === 'header' ? header.mapping : null,
		rows: events.flatMap((e) => (e.kind === 'batch' ? e.rows : [])),
		last: events.at(-1)
	};
}
