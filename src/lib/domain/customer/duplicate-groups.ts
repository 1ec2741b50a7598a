/**
 * Groups of stored customers that are likely the same, found with the import's duplicate rules
 * (duplicates.ts: same email, same phone, same name and company by companyKey), so
 * that "find duplicates" and "skip duplicates on import" never disagree about what a duplicate is.
 * Those rules are pure and imported as they are rather than copied.
 *
 * Matches are transitive: A shares a phone with B and B an email with C, so A, B and C are one
 * group (union-find). Each customer is indexed by its keys in a map, so 100,000 customers cost
 * one pass and no pairwise comparison.
 *
 * Stored phones are already E.164 (validation normalises them on every write), so "138 0013 8000"
 * and "+86 13800138000" typed into the form meet here as +8613800138000.
 */
import { looseKey } from './company-key';
import { duplicateKeys } from './duplicates';
import type { CustomerKind } from './customer';

/**
 * Why a group was formed. `similar_company` is the name-and-company rule where the company was
 * written differently (北京某某科技有限公司 / 某某科技): worth telling the user, who should look twice.
 */
export type DuplicateReason = 'same_email' | 'same_phone' | 'same_name_company' | 'similar_company';

export const DUPLICATE_REASONS: readonly DuplicateReason[] = [
	'same_email',
	'same_phone',
	'same_name_company',
	'similar_company'
];

/** What the finder needs of a customer (a CustomerRow or a Customer both fit). */
export interface DuplicateSource {
	id: string;
	kind: CustomerKind;
	name: string;
	company: string;
	phones: readonly string[];
	emails: readonly string[];
	trashedAt?: number | null;
}

export interface DuplicateGroup {
	/** Customer ids in the order they were added (the list's order). */
	ids: string[];
	/** Every rule that joined two members, in DUPLICATE_REASONS order. */
	reasons: DuplicateReason[];
}

/** The first customer seen with a key, and how its company was written (for similar_company). */
interface Seen {
	index: number;
	spelling: string;
}

/**
 * Incremental, so a page can feed 100,000 customers in slices between frames: `add` each, then
 * read `groups()`.
 */
export class DuplicateGrouper {
	readonly #ids: string[] = [];
	/** Union-find parent and component size, by insertion index. */
	readonly #parent: number[] = [];
	readonly #size: number[] = [];
	/** Each match as it was found; reasons are gathered per group once all unions are done. */
	readonly #edges: [number, number, DuplicateReason][] = [];
	readonly #seen = new Map<string, Map<string, Seen>>();
	readonly #known = new Set<string>();

	add(c: DuplicateSource): void {
		// A customer in the trash is gone from the user's point of view: never offered for a merge.
		if (c.trashedAt != null || this.#known.has(c.id)) return;
		this.#known.add(c.id);
		const index = this.#ids.length;
		this.#ids.push(c.id);
		this.#parent.push(index);
		this.#size.push(1);
		// duplicateKeys never yields an empty key: a blank email, phone, name or company is skipped.
		const spelling = looseKey(c.kind === 'company' ? c.name : c.company);
		for (const [rule, key] of duplicateKeys(c)) {
			let byKey = this.#seen.get(rule);
			if (!byKey) this.#seen.set(rule, (byKey = new Map()));
			const first = byKey.get(key);
			if (!first) {
				byKey.set(key, { index, spelling });
				continue;
			}
			if (first.index === index) continue; // two phones of one customer with one key
			const reason: DuplicateReason =
				rule === 'same_name_company' && first.spelling !== spelling ? 'similar_company' : rule;
			this.#edges.push([first.index, index, reason]);
			this.#union(first.index, index);
		}
	}

	groups(): DuplicateGroup[] {
		const members = new Map<number, number[]>();
		for (let i = 0; i < this.#ids.length; i++) {
			if (this.#size[this.#find(i)]! < 2) continue;
			const root = this.#find(i);
			const list = members.get(root);
			if (list) list.push(i);
			else members.set(root, [i]);
		}
		const reasons = new Map<number, Set<DuplicateReason>>();
		for (const [a, , reason] of this.#edges) {
			const root = this.#find(a);
			let set = reasons.get(root);
			if (!set) reasons.set(root, (set = new Set()));
			set.add(reason);
		}
		const out: DuplicateGroup[] = [];
		for (const [root, list] of members) {
			const found = reasons.get(root) ?? new Set();
			out.push({
				ids: list.map((i) => this.#ids[i]!),
				reasons: DUPLICATE_REASONS.filter((r) => found.has(r))
			});
		}
		return out;
	}

	#find(i: number): number {
		let root = i;
		while (this.#parent[root] !== root) root = this.#parent[root]!;
		// Path compression keeps later finds near O(1).
		while (this.#parent[i] !== root) {
			const next = this.#parent[i]!;
			this.#parent[i] = root;
			i = next;
		}
		return root;
	}

	#union(a: number, b: number): void {
		let ra = this.#find(a);
		let rb = this.#find(b);
		if (ra === rb) return;
		if (this.#size[ra]! < this.#size[rb]!) [ra, rb] = [rb, ra];
		this.#parent[rb] = ra;
		this.#size[ra]! += this.#size[rb]!;
	}
}
