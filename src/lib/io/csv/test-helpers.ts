/** Shared by the corpus, sample and round-trip tests (not used by the app). */
import {
	importCsv,
	type ImportEvent,
	type ImportedRow,
	type ImportOptions,
	type DraftOf
} from './codec';
import { emptyCustomerDraft } from '../../domain/customer/empty';
import type { ImportTarget } from './fields';
import { IMPORTED_FIELDS, type CustomerImportDraft } from './normalize';

/**
 * A customer draft as the normalizer makes it: the name and the fields of `p` come from the file
 * (`fromFile`, unless `p` says otherwise), every other field holds a new customer's default.
 */
export function customerDraft(
	name: string,
	p: Partial<CustomerImportDraft> = {}
): CustomerImportDraft {
	const { ownerId: _owner, ...empty } = emptyCustomerDraft('');
	return {
		...empty,
		name,
		ownerName: '',
		contact: null,
		fromFile: ['name', ...IMPORTED_FIELDS.filter((f) => f !== 'name' && f in p)],
		...p
	};
}

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

let big5Table: Map<string, number> | null = null;

/**
 * Big5 bytes of `s`, from the platform's own TextDecoder('big5') (standard Big5 lead bytes A1-F9,
 * first code of a character kept). Throws on a character Big5 has no code for.
 */
export function encodeBig5(s: string): Uint8Array {
	if (!big5Table) {
		big5Table = new Map();
		const decoder = new TextDecoder('big5');
		for (let lead = 0xa1; lead <= 0xf9; lead++)
			for (let trail = 0x40; trail <= 0xfe; trail++) {
				if (trail > 0x7e && trail < 0xa1) continue;
				const c = decoder.decode(new Uint8Array([lead, trail]));
				if (c.length === 1 && c !== '\uFFFD' && !big5Table.has(c))
					big5Table.set(c, (lead << 8) | trail);
			}
	}
	const out: number[] = [];
	for (const ch of s) {
		const cp = ch.codePointAt(0) ?? 0;
		if (cp < 0x80) out.push(cp);
		else {
			const code = big5Table.get(ch);
			if (code === undefined) throw new Error(`no Big5 code for ${ch}`);
			out.push(code >> 8, code & 0xff);
		}
	}
	return new Uint8Array(out);
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
