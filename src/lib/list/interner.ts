/**
 * Hands back one shared copy of each repeated text (a city, a tag, a stage), so that 100,000
 * rows read from IndexedDB, where every record brings its own copy of every string, keep a few
 * hundred strings instead of hundreds of thousands. Fewer objects is less for every garbage
 * collection to mark, and that marking competes with the page for the CPU (bench/RESULTS.md).
 *
 * Which copy a string is cannot be seen from JavaScript (equal strings are ===), only in a heap
 * snapshot: the bench's heap figures are where this shows.
 *
 * Meant for texts with few distinct values: after `limit` distinct texts it keeps no new ones
 * (and returns them as they are), so a column that turns out to be unique per record cannot grow
 * the table without end. The texts kept are Map keys, which V8 internalizes (see id-index.ts):
 * the limit bounds that too.
 */
export type Intern = <S extends string>(text: S) => S;
/** The same for a list of texts (a customer's tags): one frozen copy of each distinct list. */
export type InternList = (list: readonly string[]) => readonly string[];

export class Interner {
	readonly #kept = new Map<string, string>();
	readonly #limit: number;

	constructor(limit = 10_000) {
		this.#limit = limit;
	}

	/** How many distinct texts are kept. */
	get size(): number {
		return this.#kept.size;
	}

	readonly intern: Intern = <S extends string>(text: S): S => {
		const copy = this.#kept.get(text);
		if (copy !== undefined) return copy as S;
		if (this.#kept.size < this.#limit) this.#kept.set(text, text);
		return text;
	};

	readonly #lists = new Map<string, readonly string[]>();

	/** How many distinct lists are kept. */
	get listCount(): number {
		return this.#lists.size;
	}

	/**
	 * One shared, frozen copy of each distinct list (its texts interned too). Tag lists repeat:
	 * 100,000 customers have a few hundred distinct ones. The key is the list as JSON, which
	 * tells ["a,b"] from ["a", "b"] whatever characters the texts hold.
	 */
	readonly internList: InternList = (list) => {
		if (list.length === 0) return EMPTY_LIST;
		const key = JSON.stringify(list);
		const copy = this.#lists.get(key);
		if (copy !== undefined) return copy;
		const kept = Object.freeze(list.map(this.intern));
		if (this.#lists.size < this.#limit) this.#lists.set(key, kept);
		return kept;
	};
}

/** What an empty list is wherever one is kept per record: one array instead of one per record. */
export const EMPTY_LIST: readonly string[] = Object.freeze([]);
