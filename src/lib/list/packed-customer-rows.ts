import type { Customer } from '$lib/domain/customer/customer';
import type { CustomerRow } from '$lib/domain/customer/customer-row';
import { sortNameFromKeys } from '$lib/domain/customer/text';
import { EMPTY_LIST, type Intern, type InternList } from './interner';

const asIs: Intern = (text) => text;
const listAsIs: InternList = (list) => (list.length ? list : EMPTY_LIST);

/** The texts of a row, in the order they are packed (see RowPage). */
const Field = {
	Id: 0,
	Name: 1,
	Company: 2,
	SearchKeys: 3,
	SortName: 4,
	Phones: 5,
	Emails: 6,
	Birthday: 7
} as const;
type Field = (typeof Field)[keyof typeof Field];
const FIELDS = 8;
/** Between the phones (or emails) of one row in the packed text; no phone or email holds it. */
const LIST_SEP = '\u0001';

/**
 * The texts and times of the rows made from one page of customers, packed: one string holding
 * every row's texts end to end, where each text ends in `ends`, and every row's two times in
 * one Float64Array (NaN for "never contacted").
 *
 * Why packed: the list keeps a row for each of 100,000 customers for as long as the tab lives,
 * and every major garbage collection marks every object on the heap. Kept as plain objects, a
 * row was about fourteen of them (its id, name, search keys, sort name, phone, email and tag
 * lists, and two boxed numbers for the times); that marking runs on V8's helper threads beside
 * a page that may have only two cores, and the bench found more heap objects to mean more
 * scroll frames over budget (bench/RESULTS.md; packing alone did not remove them).
 * A page of 2,500 packed rows is four objects besides the rows themselves, and a long string is
 * marked as cheaply as a short one.
 * A text is cut out of the page's string when it is read: a short-lived string that the young
 * generation's collector frees for almost nothing.
 */
class RowPage {
	constructor(
		readonly text: string,
		/** ends[i * FIELDS + f]: where field f of row i ends; ends[-1] is taken as 0. */
		readonly ends: Int32Array,
		/** times[2i]: lastContactAt (NaN for none); times[2i + 1]: createdAt. */
		readonly times: Float64Array
	) {}

	field(row: number, f: Field): string {
		const at = row * FIELDS + f;
		return this.text.slice(at === 0 ? 0 : this.ends[at - 1], this.ends[at]);
	}
}

/**
 * A customer's row with its texts in a RowPage. The texts many rows share (kind, tier, stage,
 * owner, city, industry and the tag list) are plain fields holding one shared copy each.
 */
class PackedRow implements CustomerRow {
	readonly #page: RowPage;
	readonly #at: number;

	constructor(
		page: RowPage,
		at: number,
		readonly kind: Customer['kind'],
		readonly tier: Customer['tier'],
		readonly stage: Customer['stage'],
		readonly ownerId: string,
		readonly city: string,
		readonly industry: string,
		readonly tags: readonly string[]
	) {
		this.#page = page;
		this.#at = at;
	}

	get id(): string {
		return this.#page.field(this.#at, Field.Id);
	}
	get name(): string {
		return this.#page.field(this.#at, Field.Name);
	}
	get company(): string {
		return this.#page.field(this.#at, Field.Company);
	}
	get searchKeys(): string {
		return this.#page.field(this.#at, Field.SearchKeys);
	}
	get sortName(): string {
		return this.#page.field(this.#at, Field.SortName);
	}
	get phones(): readonly string[] {
		return this.#list(Field.Phones);
	}
	get emails(): readonly string[] {
		return this.#list(Field.Emails);
	}
	get birthday(): Customer['birthday'] {
		return this.#page.field(this.#at, Field.Birthday) as Customer['birthday'];
	}
	get lastContactAt(): number | null {
		const t = this.#page.times[this.#at * 2] ?? NaN;
		return Number.isNaN(t) ? null : t;
	}
	get createdAt(): number {
		return this.#page.times[this.#at * 2 + 1] ?? 0;
	}

	#list(f: Field): readonly string[] {
		const joined = this.#page.field(this.#at, f);
		return joined ? joined.split(LIST_SEP) : EMPTY_LIST;
	}
}

/** What the store shares between rows: one copy of each repeated text and tag list. */
export interface RowInterning {
	text: Intern;
	list: InternList;
}

const noInterning: RowInterning = { text: asIs, list: listAsIs };

/**
 * The rows of a page of customers, packed together (see RowPage). `interning` gives the texts
 * and tag lists that repeat across customers one shared copy: the store passes one when it loads
 * the whole list (see interner.ts for why).
 */
export function rowsOf(
	customers: readonly Customer[],
	interning: RowInterning = noInterning
): CustomerRow[] {
	const { text: intern, list } = interning;
	const n = customers.length;
	const parts: string[] = [];
	const ends = new Int32Array(n * FIELDS);
	const times = new Float64Array(n * 2);
	let end = 0;
	customers.forEach((c, i) => {
		const texts = [
			c.id,
			c.name,
			c.company,
			c.searchKeys,
			sortNameFromKeys(c.name, c.searchKeys),
			joinList(c.phones),
			joinList(c.emails),
			c.birthday
		];
		texts.forEach((t, f) => {
			parts.push(t);
			end += t.length;
			ends[i * FIELDS + f] = end;
		});
		times[i * 2] = c.lastContactAt ?? NaN;
		times[i * 2 + 1] = c.createdAt;
	});
	const page = new RowPage(parts.join(''), ends, times);
	return customers.map(
		(c, i) =>
			new PackedRow(
				page,
				i,
				intern(c.kind),
				intern(c.tier),
				intern(c.stage),
				intern(c.ownerId),
				intern(c.city),
				intern(c.industry),
				list(c.tags)
			)
	);
}

/** The row of one customer (a page of one). */
export function rowOf(c: Customer, interning: RowInterning = noInterning): CustomerRow {
	const [row] = rowsOf([c], interning);
	if (!row) throw new Error('unreachable: one customer makes one row');
	return row;
}

/**
 * A phone or email list as one text. A value holding the separator (never a normalised phone or
 * a valid email, but records come from imports and teammates' snapshots) loses it rather than
 * splitting into two values.
 */
function joinList(values: readonly string[]): string {
	const [only] = values;
	if (values.length === 1 && only !== undefined && !only.includes(LIST_SEP)) return only;
	return values.map((v) => v.replaceAll(LIST_SEP, '')).join(LIST_SEP);
}
