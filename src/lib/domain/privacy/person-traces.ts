/**
 * Finding a person in data that is not their own records, and taking them out. Erasure (PIPL's
 * right to deletion) must reach copies: records an import keeps for Undo, values a conflict lists
 * as lost, names in the audit log, records kept aside for a newer app version. Those stores hold
 * JSON of many shapes, and more may be added; these rules work on any JSON value, so the database
 * layer can run them over every store it has.
 *
 * The rules, in order:
 * - a text that is an erased record's id, or holds one of the person's values (name, phone,
 *   email, WeChat), is theirs: in a list it is dropped, as a field it becomes '';
 * - an object in a list is an entry (a copy of a record, a moved record, a staged row): when its
 *   own fields hold the person, the whole entry goes. Lists inside it are looked into entry by
 *   entry instead, so a container of entries (an Undo batch) keeps the entries of other people;
 * - an object as a field's value that is a copy of an erased record, or refers to one (a field
 *   holding its id), goes; any other is scrubbed field by field;
 * - a key that is an erased id goes with its value (a map by id);
 * - ids in `keptIds` stay wherever they are referenced (a team member who left: the customers they
 *   own keep `ownerId`); only copies of that record (objects with that `id`) go.
 * Plain objects and arrays are walked; anything else (numbers, handles, blobs) is left as it is.
 */
export interface PersonToErase {
	/** Records erased for good: their copies and whatever refers to them go too. */
	ids: Iterable<string>;
	/** Records erased whose id stays behind as a reference; only copies of them go. */
	keptIds?: Iterable<string>;
	/** Texts that identify the person: names, phone numbers, emails, WeChat ids. */
	values: Iterable<string>;
}

/** A scrubbed value and the pieces taken out of it (for the person's export). */
export interface Scrubbed<T> {
	value: T;
	removed: unknown[];
	changed: boolean;
}

type Obj = Record<string, unknown>;

const GONE = Symbol('gone');

const isPlain = (v: unknown): v is Obj => {
	if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
	const proto: unknown = Object.getPrototypeOf(v);
	return proto === Object.prototype || proto === null;
};

/** Shorter values would match everywhere (a one-letter name). */
const MIN_VALUE = 2;
const MIN_PHONE_DIGITS = 7;
const HAN_OR_OTHER_SCRIPT = /[^\p{Script=Latin}\p{N}\p{P}\p{S}\s]/u;
const PHONE = /^\+?[\d\s\-().]+(;ext=\d+)?$/;
/** What may separate the digits of a phone number in a text. */
const PHONE_SEPARATORS = /[\s\-().+]/g;

/** A phone's digits without the country code of mainland China: what people write. */
function phoneDigits(phone: string): string | null {
	const number = phone.replace(/;ext=\d+$/, '');
	let digits = number.replace(/\D/g, '');
	if (digits.length < MIN_PHONE_DIGITS) return null;
	if (number.trim().startsWith('+86') && digits.startsWith('86')) digits = digits.slice(2);
	return digits;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class PersonTraces {
	readonly #ids: ReadonlySet<string>;
	readonly #kept: ReadonlySet<string>;
	readonly #phones: string[] = [];
	/** Lower-cased values found as substrings: emails, and names in Chinese or other scripts. */
	readonly #substrings: string[] = [];
	/** Latin names and ids: whole words only ('Li' is not in 'Lisbon'). */
	readonly #words: RegExp[] = [];

	constructor(person: PersonToErase) {
		this.#ids = new Set(person.ids);
		this.#kept = new Set(person.keptIds ?? []);
		const seen = new Set<string>();
		for (const raw of person.values) {
			const v = raw.trim();
			if (v.length < MIN_VALUE || seen.has(v.toLowerCase())) continue;
			seen.add(v.toLowerCase());
			if (PHONE.test(v)) {
				// Fewer digits than a phone number would match dates and amounts.
				const digits = phoneDigits(v);
				if (digits) this.#phones.push(digits);
			} else if (v.includes('@') || HAN_OR_OTHER_SCRIPT.test(v))
				this.#substrings.push(v.toLowerCase());
			else
				this.#words.push(
					new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(v)}(?![\\p{L}\\p{N}_])`, 'iu')
				);
		}
	}

	/** Whether nothing at all would be looked for. */
	get empty(): boolean {
		return (
			this.#ids.size === 0 &&
			this.#kept.size === 0 &&
			this.#phones.length === 0 &&
			this.#substrings.length === 0 &&
			this.#words.length === 0
		);
	}

	/** Whether a text holds one of the person's values. */
	holdsValue(text: string): boolean {
		if (text.length < MIN_VALUE) return false;
		if (this.#phones.length > 0) {
			const digits = text.replace(PHONE_SEPARATORS, '');
			if (this.#phones.some((p) => digits.includes(p))) return true;
		}
		if (this.#substrings.length > 0) {
			const lower = text.toLowerCase();
			if (this.#substrings.some((s) => lower.includes(s))) return true;
		}
		return this.#words.some((w) => w.test(text));
	}

	/**
	 * A cheap first look at a stored row as JSON text: false means the row surely holds nothing of
	 * the person (true may still be a coincidence; `mentions` decides).
	 */
	mayMention(json: string): boolean {
		for (const id of this.#ids) if (json.includes(id)) return true;
		for (const id of this.#kept) if (json.includes(id)) return true;
		return this.holdsValue(json);
	}

	#theirText(s: string): boolean {
		return this.#ids.has(s) || this.holdsValue(s);
	}

	/** A copy of an erased record, or an object that refers to one through a field. */
	isTheirRecord(o: Obj): boolean {
		const id = o.id;
		if (typeof id === 'string' && (this.#ids.has(id) || this.#kept.has(id))) return true;
		for (const v of Object.values(o)) if (typeof v === 'string' && this.#ids.has(v)) return true;
		return false;
	}

	/** Whether the value holds anything of the person, at any depth. */
	mentions(v: unknown): boolean {
		if (typeof v === 'string') return this.#theirText(v);
		if (Array.isArray(v)) return v.some((x) => this.mentions(x));
		if (!isPlain(v)) return false;
		if (this.isTheirRecord(v)) return true;
		for (const [k, x] of Object.entries(v))
			if (this.#ids.has(k) || this.#kept.has(k) || this.mentions(x)) return true;
		return false;
	}

	/** Whether an entry of a list is about the person by its own fields (lists in it aside). */
	#isTheirEntry(o: Obj): boolean {
		if (this.isTheirRecord(o)) return true;
		for (const [k, x] of Object.entries(o)) {
			if (this.#ids.has(k) || this.#kept.has(k)) return true;
			if (typeof x === 'string' && this.#theirText(x)) return true;
			if (isPlain(x) && this.mentions(x)) return true;
			if (Array.isArray(x) && x.some((e) => typeof e === 'string' && this.#theirText(e)))
				return true;
		}
		return false;
	}

	/** A stored row as an entry of its store: true when its own fields hold the person. */
	isTheirs(row: unknown): boolean {
		if (typeof row === 'string') return this.#theirText(row);
		return isPlain(row) && this.#isTheirEntry(row);
	}

	/** A stored row that is a copy of their record or refers to one (not one that names them). */
	isTheirRow(row: unknown): boolean {
		if (typeof row === 'string') return this.#ids.has(row);
		return isPlain(row) && this.isTheirRecord(row);
	}

	/** The value with the person taken out, field by field (the value itself is kept). */
	scrub<T>(value: T): Scrubbed<T> {
		const removed: unknown[] = [];
		const out = this.#walk(value, removed, true);
		const next = (out === GONE ? value : out) as T;
		return { value: next, removed, changed: next !== value };
	}

	#walk(v: unknown, removed: unknown[], top: boolean): unknown {
		if (typeof v === 'string') return this.#theirText(v) ? GONE : v;
		if (Array.isArray(v)) return this.#walkList(v, removed);
		if (!isPlain(v)) return v;
		if (!top && this.isTheirRecord(v)) return GONE;
		let out: Obj | null = null;
		const edit = (): Obj => (out ??= { ...v });
		for (const [k, x] of Object.entries(v)) {
			if (this.#ids.has(k) || this.#kept.has(k)) {
				removed.push(x);
				delete edit()[k];
				continue;
			}
			const y = this.#walk(x, removed, false);
			if (y === x) continue;
			if (y !== GONE) edit()[k] = y;
			else {
				removed.push(x);
				if (typeof x === 'string') edit()[k] = '';
				else delete edit()[k];
			}
		}
		return out ?? v;
	}

	#walkList(list: unknown[], removed: unknown[]): unknown[] {
		let out: unknown[] | null = null;
		list.forEach((x, i) => {
			const gone = isPlain(x) ? this.#isTheirEntry(x) : typeof x === 'string' && this.#theirText(x);
			const y = gone ? GONE : this.#walk(x, removed, false);
			if (y === x) {
				out?.push(x);
				return;
			}
			out ??= list.slice(0, i);
			if (y === GONE) removed.push(x);
			else out.push(y);
		});
		return out ?? list;
	}
}
