import type { SnapshotEntry } from '$lib/io/snapshot/entry';
import { TOMB } from '$lib/io/snapshot/header';
import { scopePicks, type ExchangeScope, type TablePick } from '$lib/sync/exchange';
import { CHANGE_COUNTER_STORE } from '../change-counter-middleware';
import { customerIdsOf } from './customer-reads';
import type { SentMark } from './exchange-sent';
import { changedBetween, changeMark, changeNumberOf } from './local-changes';
import { PAGE_SIZE, type SnapshotContext } from './snapshot-context';
import type { FileFor } from '$lib/sync/confidential';
import { partsOfCustomers, scopeEntries, type ExportScope } from './snapshot-source';

/**
 * What a file of an exchange carries, read from IndexedDB (docs/SNAPSHOT.md, "Files of changes").
 *
 * A file is cut at a change number: the counter read together with the scope's customers (for a
 * scope of a member's customers) in one read transaction, so the two agree. It carries every
 * record of its scope whose last write here is numbered up to the cut, and nothing numbered
 * after it: a record written again meanwhile is carried by the next file, under its new number,
 * and so is what a write after the cut brought into the scope. A full file carries all of them;
 * a file of changes those numbered after the last file's cut, plus the records of the customers
 * that were not in the scope at the last cut (they hold records numbered long before).
 */
export interface Cut {
	upTo: number;
	/** For a scope of a member's customers: the ids in it at the cut, sorted. */
	customers?: string[];
}

export async function takeCut(ctx: SnapshotContext, scope: ExchangeScope): Promise<Cut> {
	const d = ctx.db;
	return d.transaction('r', [d.table(CHANGE_COUNTER_STORE), d.customers], async () => {
		const upTo = await changeMark(d);
		if (scope.kind !== 'mine') return { upTo };
		return { upTo, customers: (await customerIdsOf(scope.memberId, d)).sort() };
	});
}

type Row = Record<string, unknown>;

/** The local change number of an entry's record (0: none, as for a table kept aside). */
const numberOf = (e: SnapshotEntry): number =>
	typeof e.r === 'object' && e.r !== null ? changeNumberOf(e.r) : 0;

/** A table's records numbered in (after, upTo], in pages by number. */
async function* changed(
	ctx: SnapshotContext,
	table: TablePick['table'] | 'tombstones',
	after: number,
	upTo: number
): AsyncGenerator<Row[]> {
	let from = after;
	for (;;) {
		const page = await changedBetween(table, from, upTo, PAGE_SIZE, ctx.db);
		if (page.length > 0) yield page;
		if (page.length < PAGE_SIZE) return;
		from = changeNumberOf(page[page.length - 1]!);
	}
}

function picks(pick: TablePick, customers: ReadonlySet<string>): (r: Row) => boolean {
	switch (pick.by) {
		case 'all':
			return () => true;
		case 'owner':
			return (r) => r[pick.field] === pick.memberId;
		case 'customer':
			return (r) => typeof r.customerId === 'string' && customers.has(r.customerId);
	}
}

/** A file of changes: the scope's records numbered after the last file's cut, up to this one's. */
export async function* changesSince(
	ctx: SnapshotContext,
	scope: ExchangeScope,
	last: SentMark,
	cut: Cut
): AsyncGenerator<SnapshotEntry> {
	const { tables, tombstones } = scopePicks(scope);
	const after = last.upTo;
	// Tombstones first, so a reader sees a delete before any older copy of the record.
	for await (const page of changed(ctx, 'tombstones', after, cut.upTo))
		for (const r of page) if (tombstones === 'all' || r.table === tombstones) yield { t: TOMB, r };
	const inScope = new Set(cut.customers ?? []);
	for (const pick of tables) {
		const keep = picks(pick, inScope);
		for await (const page of changed(ctx, pick.table, after, cut.upTo))
			for (const r of page) if (keep(r)) yield { t: pick.table, r };
	}
	if (!cut.customers) return;
	// Customers that entered the scope since the last cut: their records numbered up to it never
	// went (those after it just did).
	const before = new Set(last.customers ?? []);
	const entered = cut.customers.filter((id) => !before.has(id));
	for (let i = 0; i < entered.length; i += PAGE_SIZE)
		for await (const e of partsOfCustomers(ctx, entered.slice(i, i + PAGE_SIZE)))
			if (numberOf(e) <= after) yield e;
}

/** The export scope of a full file of an exchange: what the app's full exports read. */
function fullScope(scope: ExchangeScope, cut: Cut): ExportScope {
	switch (scope.kind) {
		case 'all':
			return { kind: 'all' };
		// The customers in the scope at the cut (not as read later), so that the next file's
		// customers that entered are counted from the same set.
		case 'mine':
			return { kind: 'selection', customerIds: cut.customers ?? [] };
		case 'goals':
			return scope.memberId === undefined
				? { kind: 'goals' }
				: { kind: 'goals', memberId: scope.memberId };
	}
}

/** A full file for `to`: everything in the scope numbered up to the cut that it may carry. */
export async function* fullUpTo(
	ctx: SnapshotContext,
	scope: ExchangeScope,
	cut: Cut,
	to: FileFor
): AsyncGenerator<SnapshotEntry> {
	for await (const e of scopeEntries(ctx, fullScope(scope, cut), to))
		if (numberOf(e) <= cut.upTo) yield e;
}
