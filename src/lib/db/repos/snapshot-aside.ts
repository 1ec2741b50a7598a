import { MAX_ASIDE_TABLE_BYTES } from '$lib/io/snapshot/limits';
import { mergeRecord, type SyncRecord } from '$lib/sync/merge';
import type { SnapshotContext } from './snapshot-context';
import { SnapshotRefused } from './snapshot-refused';

/**
 * Record kinds (tables) that a newer app version wrote and this one does not know. They are not
 * dropped: each table is kept whole in one settings entry, merged like any records, exported
 * again in full snapshots, and available to the update that knows them. An entry is read and
 * written in one piece, so an import writes each once, and none may grow past
 * MAX_ASIDE_TABLE_BYTES.
 */
const PREFIX = 'snapshotAside:';

interface AsideValue {
	records: Record<string, SyncRecord>;
}

/** Whether a settings key holds a table kept aside. */
export const isAsideKey = (key: string): boolean => key.startsWith(PREFIX);

const encoder = new TextEncoder();
/** UTF-8 bytes of a record's JSON: what it weighs in a file, and in the entry kept aside. */
const jsonBytes = (r: unknown): number => encoder.encode(JSON.stringify(r)).length;

function tooLarge(table: string, bytes: number): SnapshotRefused {
	return new SnapshotRefused('snapshot_aside_too_large', `${table}: ${bytes} bytes`);
}

export async function readAside(
	ctx: Pick<SnapshotContext, 'db'>
): Promise<{ table: string; records: SyncRecord[] }[]> {
	const rows = await ctx.db.settings.where('key').startsWith(PREFIX).toArray();
	return rows.map((r) => ({
		table: r.key.slice(PREFIX.length),
		records: Object.values((r.value as AsideValue).records)
	}));
}

/** Replaces what is kept aside of a table (inside the caller's transaction); none: removed. */
export async function writeAside(
	ctx: Pick<SnapshotContext, 'db'>,
	table: string,
	kept: readonly SyncRecord[]
): Promise<void> {
	const key = PREFIX + table;
	if (kept.length === 0) {
		await ctx.db.settings.delete(key);
		return;
	}
	const records: Record<string, SyncRecord> = {};
	for (const r of kept)
		Object.defineProperty(records, r.id, {
			value: r,
			enumerable: true,
			writable: true,
			configurable: true
		});
	await ctx.db.settings.put({ key, value: { records } });
}

/**
 * The preview's weighing of the unknown kinds in one file: a kind whose records alone pass the
 * cap can never be kept, and is refused before more of it is staged. (Whether it fits with what
 * is kept already is known only when apply merges them.)
 */
export class AsideWeights {
	readonly #bytes = new Map<string, number>();

	add(table: string, records: readonly SyncRecord[]): void {
		let bytes = this.#bytes.get(table) ?? 0;
		for (const r of records) bytes += jsonBytes(r);
		if (bytes > MAX_ASIDE_TABLE_BYTES) throw tooLarge(table, bytes);
		this.#bytes.set(table, bytes);
	}
}

/**
 * Apply's merge of the unknown kinds: each table is read once, merged page after page in
 * memory, and written once at the end (inside the caller's transaction).
 */
export class AsideMerge {
	readonly #tables = new Map<string, { records: Record<string, SyncRecord>; changed: number }>();

	constructor(readonly ctx: SnapshotContext) {}

	async add(table: string, incoming: readonly SyncRecord[]): Promise<void> {
		let kept = this.#tables.get(table);
		if (!kept) {
			const stored = (await this.ctx.db.settings.get(PREFIX + table))?.value as
				AsideValue | undefined;
			kept = { records: { ...stored?.records }, changed: 0 };
			this.#tables.set(table, kept);
		}
		const records = kept.records;
		for (const r of incoming) {
			const local = Object.hasOwn(records, r.id) ? records[r.id] : undefined;
			const res = mergeRecord(local, r, { table });
			if (!res.changed || !res.record) continue;
			Object.defineProperty(records, r.id, {
				value: res.record,
				enumerable: true,
				writable: true,
				configurable: true
			});
			kept.changed++;
		}
	}

	/** Writes each table that changed; one that would pass the cap aborts the whole import. */
	async write(): Promise<void> {
		for (const [table, { records, changed }] of this.#tables) {
			if (changed === 0) continue;
			let bytes = 0;
			for (const r of Object.values(records)) bytes += jsonBytes(r);
			if (bytes > MAX_ASIDE_TABLE_BYTES) throw tooLarge(table, bytes);
			await this.ctx.db.settings.put({ key: PREFIX + table, value: { records } });
		}
	}
}
