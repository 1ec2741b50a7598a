/** A small seeded PRNG (mulberry32): the same seed gives the same demo data everywhere. */
export class Random {
	#s: number;
	constructor(seed: number) {
		this.#s = seed >>> 0;
	}
	next(): number {
		let t = (this.#s += 0x6d2b79f5);
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}
	pick<T>(list: readonly T[]): T {
		const item = list[Math.floor(this.next() * list.length)];
		if (item === undefined) throw new RangeError('pick from an empty list');
		return item;
	}
	chance(p: number): boolean {
		return this.next() < p;
	}
	/** A deterministic UUID-shaped id, so generated data is reproducible from its seed. */
	uuid(): string {
		const hex = Array.from({ length: 32 }, () => Math.floor(this.next() * 16).toString(16)).join(
			''
		);
		return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
	}
}
