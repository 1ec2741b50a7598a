import { entryCount } from '$lib/io/snapshot/header';
import type { Customer, CustomerDraft } from '$lib/domain/customer/customer';
import { DAY_MS } from '$lib/domain/shared/dates';
import type { Exchange } from '$lib/sync/exchange';
import { exchangeKey } from '$lib/sync/exchange';
import { db } from './db';
import { exportExchangeWith } from './repos/exchange-export';
import { recordSent } from './repos/exchange-sent';
import { changeMark } from './repos/local-changes';
import { updateCustomer } from './repos/customers';
import { logInteraction } from './repos/interactions';
import { createTask } from './repos/tasks';
import { appContext, applySnapshot, openSnapshotFile, previewSnapshot } from './repos/snapshots';
import { getSession } from './session';

/**
 * A day's work sent as a file of changes and applied by a teammate, for the benchmarks
 * (bench/suites/delta.mjs), through the same repository calls as the app, timed in the page.
 * Reached only through the `?bench` page hook (bench-hook.ts).
 */

const TEAM: Exchange = { recipient: { kind: 'team' }, scope: { kind: 'all' } };

/**
 * This profile, copied from another, becomes another device of the team (a teammate who holds
 * the same data, as after a full file): a new device id, taken by the session on the next load.
 */
export async function becomeAnotherDevice(): Promise<string> {
	const id = `bench${Math.random().toString(36).slice(2, 12)}`;
	await db().settings.put({ key: 'deviceId', value: id });
	return id;
}

/** The last file for the team was written now: the day's work starts after it. */
export async function markSentNow(): Promise<number> {
	const ctx = await appContext();
	const upTo = await changeMark(ctx.db);
	await recordSent(ctx, exchangeKey(TEAM), { upTo, at: Date.now() });
	return upTo;
}

export function draftOf(c: Customer): CustomerDraft {
	const {
		id: _id,
		_meta: _m,
		createdAt: _c,
		lastContactAt: _l,
		trashedAt: _t,
		demo: _d,
		searchKeys: _s,
		...draft
	} = c as Customer & { _chg?: number };
	Reflect.deleteProperty(draft, '_chg');
	return draft;
}

/**
 * One manager's day through the repositories, as the forms write it: `customers` customers
 * edited, `interactions` calls logged (spread over them) and `tasks` tasks created.
 */
export async function dayOfWork(o: { customers: number; interactions: number; tasks: number }) {
	const t0 = performance.now();
	const me = (await getSession()).member.id;
	const ids = (await db().customers.toCollection().limit(o.customers).primaryKeys()) as string[];
	const now = Date.now();
	for (const [i, id] of ids.entries()) {
		const c = await db().customers.get(id);
		if (c) await updateCustomer(id, { ...draftOf(c), city: `城市 ${i}`, notes: `今天回访 ${i}` });
	}
	await callsAndTasks(ids, o, me, now);
	return { ms: performance.now() - t0, customers: ids.length };
}

/**
 * A day's or a week's calls and tasks on `customerIds`, in turn, written through the
 * repositories as the forms write them (shared with bench-batch.ts).
 */
export async function callsAndTasks(
	customerIds: readonly string[],
	o: { interactions: number; tasks: number },
	ownerId: string,
	now: number
): Promise<void> {
	for (let i = 0; i < o.interactions; i++)
		await logInteraction({
			customerId: customerIds[i % customerIds.length]!,
			type: 'call',
			at: now - i * 60_000,
			durationMinutes: 5,
			summary: `回访 ${i}`,
			outcome: '',
			satisfaction: null,
			nextFollowUp: null,
			ownerId
		});
	for (let i = 0; i < o.tasks; i++)
		await createTask({
			title: `跟进 ${i}`,
			dueAt: now + DAY_MS,
			priority: 'normal',
			customerId: customerIds[i % customerIds.length]!,
			dealId: null,
			kind: 'todo',
			ownerId
		});
}

/** "Send my changes" to the team, into a Blob as the download holds it; timings and size. */
export async function deltaExport() {
	const t0 = performance.now();
	const file = await exportExchangeWith(await appContext(), TEAM);
	const parts: Uint8Array[] = [];
	let bytes = 0;
	for await (const c of file.chunks) {
		parts.push(c);
		bytes += c.length;
	}
	const ms = performance.now() - t0;
	await file.written();
	const url = URL.createObjectURL(
		new Blob(parts as BlobPart[], { type: 'application/octet-stream' })
	);
	return { ms, bytes, url, changes: file.changes };
}

/** From the chosen file to applied: open, preview and apply, back to back. */
export async function deltaImport(file: Blob) {
	const t0 = performance.now();
	const reader = await openSnapshotFile(file.stream());
	const t1 = performance.now();
	const preview = await previewSnapshot(reader, { fileName: 'day.rapport' });
	const t2 = performance.now();
	const result = await applySnapshot(preview.importId);
	const t3 = performance.now();
	const lines = entryCount(preview.header);
	return {
		openMs: t1 - t0,
		previewMs: t2 - t1,
		applyMs: t3 - t2,
		totalMs: t3 - t0,
		lines,
		counts: preview.header.counts,
		missing: preview.missing.length,
		result
	};
}
