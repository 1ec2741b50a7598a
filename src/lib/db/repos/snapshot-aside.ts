import { mergeRecord, type SyncRecord } from '$lib/sync/merge';
import type { SnapshotContext } from './snapshot-context';

/**
 * Record kinds (tables) that a newer app version wrote and this one does not know. They are not
 * dropped: each table is kept whole in one settings entry, merged like any records, exported
 * again in full snapshots, and available to the update that knows them.
 */
const PREFIX = 'snapshotAside:';

interface AsideValue {
	records: Record<string, SyncRecord>;
}

/** Whether a settings key holds a table kept aside. */
export const isAsideKey = (key: string): boolean => key.startsWith(PREFIX);

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

/** Merges incoming records of an unknown table (inside the caller's transaction). */
export async function mergeAside(
	ctx: SnapshotContext,
	table: string,
	incoming: readonly SyncRecord[]
): Promise<number> {
	const key = PREFIX + table;
	const stored = (await ctx.db.settings.get(key))?.value as AsideValue | undefined;
	const records: Record<string, SyncRecord> = { ...stored?.records };
	let changed = 0;
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
		changed++;
	}
	if (changed > 0) await ctx.db.settings.put({ key, value: { records } });
	return changed;
}
