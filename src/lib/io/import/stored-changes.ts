/**
 * What a fill or an overwrite will do to stored customers, before anything is written: per field
 * the file gives, how many stored values the commit changes. It follows the commit exactly: the
 * same operations (`planRows`, in file order, earlier rows remembered across batches), `fillOnly`
 * against the values as they stand, and the write layer's equality (`sameValue`), so a value
 * the file repeats is no change. A customer that several rows update counts once per field, by
 * its value after the last of them; a customer created by an earlier row of the same file is no
 * stored value and is not counted. Pure: the caller reads the stored customers it asks for.
 */
import { sameValue } from '../../sync/edit';
import type { CustomerField } from '../csv/fields';
import { IMPORTED_FIELDS, type ImportedField } from '../csv/normalize';
import { fillOnly, planRows, type StagedCustomerRow } from './plan';

export type UpdateMode = 'fill' | 'overwrite';

/** Per field (named as the column mapping names it), the number of stored values changed. */
export type FieldChanges = [field: CustomerField, changed: number][];

/** A stored customer, as far as the counter reads it. */
export type StoredValues = Readonly<Partial<Record<ImportedField, unknown>>>;

type Values = Partial<Record<ImportedField, unknown>>;

interface Update {
	id: string;
	patch: Values;
}

/** The mapping's field for each customer field (the wizard labels them as the mapping does). */
const COLUMN_FIELD: Record<ImportedField, CustomerField> = {
	name: 'name',
	company: 'company',
	kind: 'kind',
	phones: 'phone',
	emails: 'email',
	wechat: 'wechat',
	address: 'address',
	city: 'city',
	industry: 'industry',
	source: 'source',
	tier: 'tier',
	stage: 'stage',
	tags: 'tags',
	birthday: 'birthday',
	needs: 'needs',
	notes: 'notes'
};

const MODES: readonly UpdateMode[] = ['fill', 'overwrite'];

export class StoredChanges {
	/** Rows' lines → the customer each created or updated (as the commit's planner keeps it). */
	readonly #earlier = new Map<number, string>();
	/** Stored customers updated so far, as they are stored. */
	readonly #stored = new Map<string, Values>();
	/** The same customers after the rows so far, per mode. */
	readonly #after: Record<UpdateMode, Map<string, Values>> = {
		fill: new Map(),
		overwrite: new Map()
	};
	readonly #counts: Record<UpdateMode, Map<ImportedField, number>> = {
		fill: new Map(),
		overwrite: new Map()
	};
	/** Ids that are no stored customer (created by an earlier row of this file). */
	readonly #notStored = new Set<string>();

	/**
	 * The updates a batch of staged rows makes (fill and overwrite plan the same patches; a fill
	 * then keeps the part that lands on empty fields), and the ids among them whose stored values
	 * the caller must read before `add`.
	 */
	plan(rows: readonly StagedCustomerRow[]): { updates: Update[]; unknown: string[] } {
		const updates: Update[] = [];
		for (const op of planRows(rows, 'overwrite', this.#earlier, 0).ops)
			if (op.op === 'update') updates.push({ id: op.id, patch: op.patch });
			else if (op.table === 'customers') this.#notStored.add(op.id);
		const unknown = new Set<string>();
		for (const u of updates)
			if (!this.#stored.has(u.id) && !this.#notStored.has(u.id)) unknown.add(u.id);
		return { updates, unknown: [...unknown] };
	}

	/** Counts `updates` in order; `stored` holds the stored customers among `plan`'s unknown ids. */
	add(updates: readonly Update[], stored: ReadonlyMap<string, StoredValues>): void {
		for (const { id, patch } of updates) {
			const base = this.#base(id, stored);
			if (!base) continue;
			for (const mode of MODES) {
				const counts = this.#counts[mode];
				let after = this.#after[mode].get(id);
				if (!after) this.#after[mode].set(id, (after = { ...base }));
				const written = mode === 'fill' ? fillOnly(after, patch) : patch;
				for (const f of IMPORTED_FIELDS) {
					if (!(f in patch)) continue;
					// A field the file gives is listed, changed or not.
					const n = counts.get(f) ?? 0;
					if (!(f in written)) {
						counts.set(f, n);
						continue;
					}
					const before = !sameValue(after[f], base[f]);
					after[f] = written[f];
					const now = !sameValue(after[f], base[f]);
					counts.set(f, n + Number(now) - Number(before));
				}
			}
		}
	}

	/** Per field the file gives, in the wizard's order, the stored values `mode` changes. */
	changes(mode: UpdateMode): FieldChanges {
		const counts = this.#counts[mode];
		return IMPORTED_FIELDS.filter((f) => counts.has(f)).map((f) => [
			COLUMN_FIELD[f],
			counts.get(f) ?? 0
		]);
	}

	#base(id: string, stored: ReadonlyMap<string, StoredValues>): Values | null {
		const known = this.#stored.get(id);
		if (known) return known;
		if (this.#notStored.has(id)) return null;
		const s = stored.get(id);
		if (!s) {
			this.#notStored.add(id);
			return null;
		}
		const base: Values = {};
		for (const f of IMPORTED_FIELDS) base[f] = s[f];
		this.#stored.set(id, base);
		return base;
	}
}
