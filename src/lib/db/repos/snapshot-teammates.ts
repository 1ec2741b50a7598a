/**
 * For tests and benchmarks, not the app: a teammate is a database of its own with a device id,
 * a member and a clock, so two (or three) devices can exchange snapshot files in one process.
 * Writes go through the same createRecord/editRecord stamping as the repositories.
 */
import { emptyCustomerDraft } from '$lib/domain/customer/empty';
import { searchKeysOf } from '$lib/domain/customer/search-keys';
import { blankMember, type Member, type MemberRole } from '$lib/domain/member/member';
import { withoutChangeNumber } from '$lib/sync/change-number';
import { createRecord, editRecord } from '$lib/sync/edit';
import { HybridClock } from '$lib/sync/hlc';
import type { SyncRecord } from '$lib/sync/merge';
import type { Stamp } from '$lib/sync/stamp';
import { SYNCED_TABLES } from '$lib/sync/tables';
import { openDatabase } from '../schema';
import type { SnapshotContext } from './snapshot-context';
import { collectBytes, exportSnapshotWith, type ExportOptions } from './snapshot-export';
import { openSnapshotFile } from './snapshot-open';
import { applySnapshotWith } from './snapshot-apply';
import { previewSnapshotWith, type SnapshotPreview } from './snapshot-preview';
import type { ExportScope } from './snapshot-source';
import type { SnapshotChanges } from '$lib/io/snapshot/header';
import type { Exchange } from '$lib/sync/exchange';
import { exportExchangeWith, type ExchangeExportOptions } from './exchange-export';

export interface Teammate extends SnapshotContext {
	stamp(): Stamp;
	/** Adds a customer (and returns its id) as the repositories would. */
	addCustomer(id: string, over?: Record<string, unknown>): Promise<string>;
	addInteraction(id: string, customerId: string, at: number): Promise<void>;
	edit(table: string, id: string, patch: Record<string, unknown>): Promise<void>;
	/** Erases a customer and its log for good (tombstones), as purgeRecords does. */
	erase(customerId: string): Promise<void>;
	exportFile(scope?: ExportScope, opts?: ExportOptions): Promise<Uint8Array>;
	/**
	 * A file of an exchange ("Send my changes"), and whether to count it as written (the watermark
	 * moves only then).
	 */
	send(
		exchange: Exchange,
		opts?: ExchangeExportOptions & { written?: boolean }
	): Promise<{ bytes: Uint8Array; changes: SnapshotChanges }>;
	preview(
		bytes: Uint8Array,
		opts?: { passphrase?: string; name?: string }
	): Promise<SnapshotPreview>;
	importFile(bytes: Uint8Array, opts?: { passphrase?: string }): Promise<SnapshotPreview>;
}

export const TEST_KDF = { unsafeKdfIterations: 1000 };

export async function teammate(
	dbName: string,
	deviceId: string,
	name: string,
	role: MemberRole = 'manager',
	now: () => number = Date.now
): Promise<Teammate> {
	const db = openDatabase(dbName);
	const clock = new HybridClock(deviceId, now);
	const memberId = `member-${deviceId}`;
	const member = createRecord<Member>(memberId, blankMember(name, role), {
		hlc: clock.tick(),
		by: memberId
	});
	await db.members.put(member);
	const session = { deviceId, member, clock };
	const stamp = (): Stamp => ({ hlc: clock.tick(), by: memberId });
	const ctx: SnapshotContext = { db, session };
	const t: Teammate = {
		...ctx,
		stamp,
		async addCustomer(id, over = {}) {
			const data = {
				...emptyCustomerDraft(memberId),
				name: `客户 ${id}`,
				phones: ['+8613800138000'],
				createdAt: now(),
				lastContactAt: null,
				trashedAt: null,
				...over
			};
			Object.assign(data, { searchKeys: searchKeysOf(data) });
			await db.customers.put(
				createRecord<SyncRecord & Record<string, unknown>>(id, data, stamp()) as never
			);
			return id;
		},
		async addInteraction(id, customerId, at) {
			const data = {
				customerId,
				type: 'call',
				at,
				durationMinutes: null,
				summary: '回访',
				outcome: '',
				satisfaction: null,
				nextFollowUp: null,
				ownerId: memberId,
				trashedAt: null
			};
			await db.interactions.put(
				createRecord<SyncRecord & Record<string, unknown>>(id, data, stamp()) as never
			);
			const c = await db.customers.get(customerId);
			if (c && (c.lastContactAt === null || at > c.lastContactAt))
				await db.customers.update(customerId, { lastContactAt: at });
		},
		async edit(table, id, patch) {
			const current = (await db.table(table).get(id)) as SyncRecord;
			const derived = table === 'customers' ? ['searchKeys', 'lastContactAt'] : [];
			const next = editRecord(current, patch, stamp(), derived).next as SyncRecord &
				Record<string, unknown>;
			if (table === 'customers') next.searchKeys = searchKeysOf(next as never);
			await db.table(table).put(next);
		},
		async erase(customerId) {
			const s = stamp();
			const ids = await db.interactions.where('customerId').equals(customerId).primaryKeys();
			await db.interactions.bulkDelete(ids);
			await db.customers.delete(customerId);
			await db.tombstones.bulkPut([
				{ table: 'customers', id: customerId, hlc: s.hlc, by: s.by },
				...ids.map((id) => ({ table: 'interactions', id, hlc: s.hlc, by: s.by }))
			]);
		},
		async exportFile(scope = { kind: 'all' }, opts = {}) {
			return collectBytes(exportSnapshotWith(ctx, scope, { testOnly: TEST_KDF, ...opts }));
		},
		async send(exchange, opts = {}) {
			const { written = true, ...rest } = opts;
			const file = await exportExchangeWith(ctx, exchange, { testOnly: TEST_KDF, ...rest });
			const bytes = await collectBytes(file.chunks);
			if (written) await file.written();
			return { bytes, changes: file.changes };
		},
		async preview(bytes, opts = {}) {
			const reader = await openSnapshotFile([bytes], { testOnly: TEST_KDF });
			if (opts.passphrase !== undefined) await reader.unlock(opts.passphrase);
			return previewSnapshotWith(ctx, reader, { fileName: opts.name ?? 'a.rapport' });
		},
		async importFile(bytes, opts = {}) {
			const p = await t.preview(bytes, opts);
			if (p.importId) await applySnapshotWith(ctx, p.importId);
			return p;
		}
	};
	return t;
}

/**
 * Every synced table and the tombstones, sorted by id: two equal dumps are the same data. Without
 * the local change numbers, which say when this device wrote a record, not what it holds.
 */
export async function dumpTables(
	ctx: SnapshotContext,
	opts: { withoutDerived?: boolean } = {}
): Promise<Record<string, unknown[]>> {
	const out: Record<string, unknown[]> = {};
	for (const name of SYNCED_TABLES) {
		const rows = (await ctx.db.table(name).toArray()) as Record<string, unknown>[];
		out[name] = rows
			.map(withoutChangeNumber)
			.map((r) => {
				if (!opts.withoutDerived || name !== 'customers') return r;
				const { searchKeys: _s, ...rest } = r;
				return rest;
			})
			.sort((a, b) => String(a.id).localeCompare(String(b.id)));
	}
	out.tombstones = (await ctx.db.tombstones.toArray())
		.map(withoutChangeNumber)
		.sort((a, b) => `${a.table}/${a.id}`.localeCompare(`${b.table}/${b.id}`));
	return out;
}
