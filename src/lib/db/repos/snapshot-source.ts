import type { IndexableType, Table } from 'dexie';
import type { Goal } from '$lib/domain/goal/goal';
import type { SnapshotEntry } from '$lib/io/snapshot/entry';
import { SETTING, TOMB } from '$lib/io/snapshot/header';
import { mayCarry, type FileFor } from '$lib/sync/confidential';
import { CUSTOMER_PARTS, SYNCED_TABLES } from '$lib/sync/tables';
import type { Tombstone } from '$lib/sync/tombstone';
import { backupSettings } from './backup-settings';
import { readAside } from './snapshot-aside';
import { PAGE_SIZE, type SnapshotContext } from './snapshot-basics';

/**
 * What a snapshot holds, read from IndexedDB in pages of PAGE_SIZE records by primary key, so
 * that exporting 1,000,000 interactions never holds them all (nor one big string) in memory.
 * The source is read once (see scopeEntries).
 */
export type ExportScope =
	| { kind: 'all' }
	| { kind: 'backup' }
	/** The customers a member owns (this device's member unless named), with their records. */
	| { kind: 'mine'; memberId?: string }
	| { kind: 'selection'; customerIds: readonly string[]; label?: string }
	/** The goals (of one member, when named). */
	| { kind: 'goals'; label?: string; memberId?: string };

type AnyTable = Table<unknown, IndexableType>;

/**
 * One table in primary-key pages (`after` exclusive), each page its own short read. The next page
 * is requested before this one is handed on, so IndexedDB reads it while the encoder works.
 */
async function* pagesOf<T>(table: AnyTable, keyOf: (r: T) => IndexableType): AsyncGenerator<T[]> {
	const read = (after: IndexableType | undefined) => {
		const coll = after === undefined ? table.orderBy(':id') : table.where(':id').above(after);
		const p = coll.limit(PAGE_SIZE).toArray() as Promise<T[]>;
		// Handled here too: a consumer that stops early never awaits the page read ahead.
		p.catch(() => undefined);
		return p;
	};
	let next = read(undefined);
	for (;;) {
		const page = await next;
		if (page.length < PAGE_SIZE) {
			if (page.length > 0) yield page;
			return;
		}
		next = read(keyOf(page[page.length - 1]!));
		yield page;
	}
}

const byId = (r: { id: string }) => r.id;
const tombKey = (t: Tombstone) => [t.table, t.id];

async function* tombstones(ctx: SnapshotContext, only?: string): AsyncGenerator<SnapshotEntry> {
	for await (const page of pagesOf<Tombstone>(ctx.db.tombstones as unknown as AnyTable, tombKey))
		for (const r of page) if (!only || r.table === only) yield { t: TOMB, r };
}

async function* wholeTable(ctx: SnapshotContext, name: string): AsyncGenerator<SnapshotEntry> {
	for await (const page of pagesOf<{ id: string }>(ctx.db.table(name), byId))
		for (const r of page) yield { t: name, r };
}

/** The records that are parts of these customers (CUSTOMER_PARTS), table by table. */
export async function* partsOfCustomers(
	ctx: SnapshotContext,
	ids: readonly string[]
): AsyncGenerator<SnapshotEntry> {
	for (const name of CUSTOMER_PARTS) {
		const rows = await ctx.db.table(name).where('customerId').anyOf(ids).toArray();
		for (const r of rows) yield { t: name, r };
	}
}

/** Customers chosen by `keep`, each page followed by the records that are parts of them. */
async function* customersWithChildren(
	ctx: SnapshotContext,
	pages: AsyncIterable<{ id: string }[]>,
	keep: (c: { id: string; ownerId?: string }) => boolean
): AsyncGenerator<SnapshotEntry> {
	for await (const page of pages) {
		const chosen = page.filter(keep);
		if (chosen.length === 0) continue;
		for (const r of chosen) yield { t: 'customers', r };
		yield* partsOfCustomers(
			ctx,
			chosen.map((c) => c.id)
		);
	}
}

/** The selected customers, read by id in pages (ids that are gone are skipped). */
async function* selectedPages(
	ctx: SnapshotContext,
	ids: readonly string[]
): AsyncGenerator<{ id: string }[]> {
	for (let i = 0; i < ids.length; i += PAGE_SIZE) {
		const rows = await ctx.db.customers.bulkGet(ids.slice(i, i + PAGE_SIZE));
		yield rows.filter((r): r is NonNullable<typeof r> => r !== undefined);
	}
}

async function* entriesOf(ctx: SnapshotContext, scope: ExportScope): AsyncGenerator<SnapshotEntry> {
	// Tombstones first, so a reader sees a delete before any older copy of the record.
	yield* tombstones(ctx, scope.kind === 'goals' ? 'goals' : undefined);
	// Members always travel: they name who wrote what ("from: 王经理").
	yield* wholeTable(ctx, 'members');
	switch (scope.kind) {
		case 'all':
		case 'backup':
			for (const name of SYNCED_TABLES) if (name !== 'members') yield* wholeTable(ctx, name);
			// Tables from a newer app version, kept aside here, go on to the next device.
			for (const { table, records } of await readAside(ctx))
				for (const r of records) yield { t: table, r };
			// A backup also gives back the app as it was set up (only Restore applies these).
			if (scope.kind === 'backup')
				for (const r of await backupSettings(ctx)) yield { t: SETTING, r };
			return;
		case 'mine': {
			const me = scope.memberId ?? ctx.session.member.id;
			const pages = pagesOf<{ id: string }>(ctx.db.customers as unknown as AnyTable, byId);
			yield* customersWithChildren(ctx, pages, (c) => c.ownerId === me);
			return;
		}
		case 'selection':
			yield* customersWithChildren(ctx, selectedPages(ctx, scope.customerIds), () => true);
			return;
		case 'goals':
			for await (const e of wholeTable(ctx, 'goals'))
				if (scope.memberId === undefined || (e.r as Goal).ownerId === scope.memberId) yield e;
			return;
	}
}

/**
 * Who a file of a scope is for when the caller names nobody: a backup is the device's own copy;
 * a member's goals are for that member; anything else may reach the whole team.
 */
export function fileForScope(scope: ExportScope): FileFor {
	if (scope.kind === 'backup') return { kind: 'backup' };
	if (scope.kind === 'goals' && scope.memberId !== undefined)
		return { kind: 'member', memberId: scope.memberId };
	return { kind: 'team' };
}

/**
 * The entries a file for `to`, written by `sender`'s device, may carry (sync/confidential.ts): a
 * record private to a member (their goals, reviews, plans) only in a backup, in that member's
 * own file, or in the file they send the lead. Tombstones pass: they hold a table and an id,
 * nothing of what was deleted, and a receiver that holds the record must learn it is gone.
 */
export async function* carriedTo(
	entries: AsyncIterable<SnapshotEntry>,
	to: FileFor,
	sender: string
): AsyncGenerator<SnapshotEntry> {
	for await (const e of entries) {
		if (e.t === TOMB || e.t === SETTING) {
			yield e;
			continue;
		}
		if (mayCarry(e.t, e.r as Record<string, unknown>, to, sender)) yield e;
	}
}

/** Who follows a long read: how many entries so far, and a way to stop it. */
export interface ReadWatch {
	/** Entries read so far (every few hundred, and at the end). */
	onRead?: (read: number) => void;
	/** Stops the read: the next entry throws the signal's reason instead. */
	signal?: AbortSignal;
}

const REPORT_EVERY = 500;

/** The entries as they are read, told to `watch` and stopped by its signal. */
export async function* watched(
	entries: AsyncIterable<SnapshotEntry>,
	watch: ReadWatch
): AsyncGenerator<SnapshotEntry> {
	let read = 0;
	for await (const e of entries) {
		watch.signal?.throwIfAborted();
		yield e;
		read += 1;
		if (read % REPORT_EVERY === 0) watch.onRead?.(read);
	}
	watch.onRead?.(read);
}

/**
 * How many entries a scope's read goes through, when that is known without reading it: a whole
 * database's (tombstones and every synced table); null for the scopes chosen record by record.
 */
export async function scopeSize(ctx: SnapshotContext, scope: ExportScope): Promise<number | null> {
	if (scope.kind !== 'all' && scope.kind !== 'backup') return null;
	const counts = await Promise.all([
		ctx.db.tombstones.count(),
		...SYNCED_TABLES.map((name) => ctx.db.table(name).count())
	]);
	return counts.reduce((a, b) => a + b, 0);
}

/**
 * The scope's entries that a file for `to` may carry, read once. A one-shot source: the encoder
 * keeps the compressed body aside until it knows the header instead of reading the database a
 * second time. Each page is its own read, so a record edited during the export is written as one
 * version or the other, each a valid stamped state that merges like any other.
 */
export function scopeEntries(
	ctx: SnapshotContext,
	scope: ExportScope,
	to: FileFor = fileForScope(scope),
	watch: ReadWatch = {}
): AsyncGenerator<SnapshotEntry> {
	return carriedTo(watched(entriesOf(ctx, scope), watch), to, ctx.session.member.id);
}
