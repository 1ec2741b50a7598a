/**
 * Values found by their string id, for collections as large as the whole customer list, without
 * ever using an id string as a key of a JavaScript Map or Set.
 *
 * Why not a `Map<string, V>`: Chromium's V8 internalizes a string used as a Map or Set key (even
 * for a lookup), and every internalized string stays in V8's string table for as long as it
 * lives. The table is walked in the pause that ends every major garbage collection: the 100,000
 * customer ids held as map keys made that pause long enough to push a frame of the scrolling
 * customer list past its budget (bench/RESULTS.md).
 *
 * Here an id is hashed to a small integer (a V8 "Smi", which is never allocated), and a value is
 * kept under its hash; the few values whose ids share a hash (about 5 among 100,000) share an
 * array. The id is read back from the value (`keyOf`), so no extra object is kept per entry.
 */
export class IdIndex<V> {
	readonly #keyOf: (value: V) => string;
	readonly #byHash = new Map<number, V | Collided<V>>();
	#size = 0;

	constructor(keyOf: (value: V) => string, values: Iterable<V> = []) {
		this.#keyOf = keyOf;
		for (const v of values) this.set(v);
	}

	get size(): number {
		return this.#size;
	}

	get(id: string): V | undefined {
		const held = this.#byHash.get(hashId(id));
		if (held === undefined) return undefined;
		if (held instanceof Collided) return held.items.find((v) => this.#keyOf(v) === id);
		return this.#keyOf(held) === id ? held : undefined;
	}

	has(id: string): boolean {
		return this.get(id) !== undefined;
	}

	/** Adds `value` under its id, replacing a value with the same id. */
	set(value: V): this {
		const id = this.#keyOf(value);
		const hash = hashId(id);
		const held = this.#byHash.get(hash);
		if (held === undefined) {
			this.#byHash.set(hash, value);
			this.#size++;
		} else if (held instanceof Collided) {
			const at = held.items.findIndex((v) => this.#keyOf(v) === id);
			if (at === -1) {
				held.items.push(value);
				this.#size++;
			} else held.items[at] = value;
		} else if (this.#keyOf(held) === id) {
			this.#byHash.set(hash, value);
		} else {
			this.#byHash.set(hash, new Collided([held, value]));
			this.#size++;
		}
		return this;
	}

	/** Removes the value with this id; true when there was one. */
	delete(id: string): boolean {
		const hash = hashId(id);
		const held = this.#byHash.get(hash);
		if (held === undefined) return false;
		if (held instanceof Collided) {
			const at = held.items.findIndex((v) => this.#keyOf(v) === id);
			if (at === -1) return false;
			held.items.splice(at, 1);
			const [last] = held.items;
			if (held.items.length === 1 && last !== undefined) this.#byHash.set(hash, last);
		} else if (this.#keyOf(held) === id) {
			this.#byHash.delete(hash);
		} else return false;
		this.#size--;
		return true;
	}

	/** Every value, in no particular order. */
	*values(): IterableIterator<V> {
		for (const held of this.#byHash.values()) {
			if (held instanceof Collided) yield* held.items;
			else yield held;
		}
	}
}

/** The values of ids that share one hash (a class, so that a V that is an array is no problem). */
class Collided<V> {
	constructor(readonly items: V[]) {}
}

/**
 * FNV-1a over the UTF-16 code units, folded to 30 bits so that it is a Smi on every V8 build.
 * Reads the string and allocates nothing.
 */
export function hashId(id: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
	return (h ^ (h >>> 30)) & 0x3fffffff;
}
