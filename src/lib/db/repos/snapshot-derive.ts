import type { Customer } from '$lib/domain/customer/customer';
import type { SearchKeySource } from '$lib/domain/customer/search-keys';
import type { SyncRecord } from '$lib/sync/merge';
import type { RapportDB } from '../schema';
import type { HeldCustomers } from './snapshot-held';

/**
 * Derived fields after a merge, as the repositories derive them on every write: a customer's
 * `searchKeys` from its name, company, phones, emails and WeChat; its `lastContactAt` from the
 * newest interaction not in the trash. Snapshots never carry them (see docs/SNAPSHOT.md).
 * Runs inside the caller's transaction: no awaiting anything but the database.
 */
type SearchKeysOf = (c: SearchKeySource) => string;
type Row = SyncRecord & Record<string, unknown>;

const KEY_FIELDS = ['name', 'company', 'phones', 'emails', 'wechat'];

export function withSearchKeys(
	searchKeysOf: SearchKeysOf,
	rec: Row,
	changedFields: readonly string[] | 'all'
): Row {
	const stale =
		changedFields === 'all' ||
		typeof rec.searchKeys !== 'string' ||
		changedFields.some((f) => KEY_FIELDS.includes(f));
	if (!stale) return rec;
	const src = {
		name: typeof rec.name === 'string' ? rec.name : '',
		company: typeof rec.company === 'string' ? rec.company : '',
		phones: Array.isArray(rec.phones) ? (rec.phones as string[]) : [],
		emails: Array.isArray(rec.emails) ? (rec.emails as string[]) : [],
		wechat: typeof rec.wechat === 'string' ? rec.wechat : ''
	};
	return { ...rec, searchKeys: searchKeysOf(src) };
}

interface Touch {
	/** Latest `at` of interactions added (not trashed): enough when nothing was removed. */
	added: number | null;
	/** An interaction was changed, trashed or removed: recount from the log. */
	full: boolean;
}

/**
 * Customers whose interaction log an import or undo changed. Additions alone only move
 * `lastContactAt` forward (cheap); a change, trash or removal recounts from the
 * [customerId+at] index.
 */
export class LastContact {
	readonly #touched = new Map<string, Touch>();

	#of(id: string): Touch {
		let t = this.#touched.get(id);
		if (!t) this.#touched.set(id, (t = { added: null, full: false }));
		return t;
	}

	/** An interaction as it was before (undefined: new) and after (undefined: removed). */
	note(before: Row | undefined, after: Row | undefined): void {
		const cid = (r: Row | undefined) => (typeof r?.customerId === 'string' ? r.customerId : null);
		if (before && cid(before)) this.#of(cid(before)!).full = true;
		const id = cid(after);
		if (!after || !id) return;
		if (before) {
			this.#of(id).full = true;
			return;
		}
		if (after.trashedAt !== null && after.trashedAt !== undefined) return;
		const at = typeof after.at === 'number' ? after.at : null;
		const t = this.#of(id);
		if (at !== null && (t.added === null || at > t.added)) t.added = at;
	}

	/**
	 * Customers new here whose log is already here (it came in an earlier file, one that skipped
	 * the customer): they are recounted from it rather than left never contacted.
	 */
	async arrived(d: RapportDB, customerIds: readonly string[]): Promise<void> {
		if (customerIds.length === 0) return;
		await d.interactions
			.where('customerId')
			.anyOf([...customerIds])
			.eachKey((id) => {
				this.#of(String(id)).full = true;
			});
	}

	/**
	 * Customer ids whose lastContactAt was written, or set on the customers `held` keeps in memory
	 * (a snapshot apply's, written once afterwards by their holder).
	 */
	async flush(d: RapportDB, held?: HeldCustomers): Promise<string[]> {
		const written: string[] = [];
		const changed: Customer[] = [];
		const ids = [...this.#touched.keys()];
		const unheld = held ? ids.filter((id) => !held.get(id)) : ids;
		const stored = new Map<string, Customer>();
		(await d.customers.bulkGet(unheld)).forEach((c) => {
			if (c) stored.set(c.id, c);
		});
		for (const id of ids) {
			const inMemory = held?.get(id) as Customer | undefined;
			const c = inMemory ?? stored.get(id);
			if (!c) continue;
			const t = this.#touched.get(id)!;
			let last: number | null;
			if (t.full) {
				const newest = await d.interactions
					.where('[customerId+at]')
					.between([c.id, -Infinity], [c.id, Infinity])
					.reverse()
					.filter((x) => x.trashedAt === null)
					.first();
				last = newest?.at ?? null;
			} else {
				last = c.lastContactAt ?? null;
				if (t.added !== null && (last === null || t.added > last)) last = t.added;
			}
			if (last === (c.lastContactAt ?? null)) continue;
			written.push(c.id);
			if (inMemory) held!.setLastContact(c.id, last);
			else changed.push({ ...c, lastContactAt: last });
		}
		if (changed.length > 0) await d.customers.bulkPut(changed);
		this.#touched.clear();
		return written;
	}
}
