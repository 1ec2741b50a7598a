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
}
