import { asideChanges, contentFields, type FieldChange } from '$lib/domain/pay/aside-changes';
import type { PayAsideEntry } from '$lib/domain/pay/screen';
import type { Synced } from '$lib/sync/stamp';
import { editRecord } from '$lib/sync/edit';
import { db } from '../db';
import { ValidationFailed } from '../errors';
import { nextStamp } from '../session';
import { guarded } from '../write';
import { closedMonths } from './pay-inputs';
import { LEAD_PAY_TABLES } from './pay-screen';

/**
 * What the lead does with a version of their pay records set aside from a manager's file
 * (pay-screen.ts): see what it would change, take it (written as the lead's own edit, stamped
 * now, so it travels as theirs) or dismiss it; each undone by its counterpart. Only an edit of a
 * record the lead holds can be taken: a closed statement is write-once, and a record a manager
 * created is not the lead's to adopt.
 */

export interface AsideView {
	entry: PayAsideEntry;
	changes: FieldChange[];
	takeable: boolean;
}

type Row = Synced & Record<string, unknown>;

function tableOf(name: string) {
	if (!LEAD_PAY_TABLES.has(name))
		throw new ValidationFailed([{ field: 'aside', code: 'aside_not_takeable' }]);
	return db().table<Row, string>(name);
}

const frozen = (r: Row | undefined) => typeof r?.closedAt === 'number';

/**
 * Whether the record is what a closed month was paid with: a plan in force in it, or a bonus or
 * adjustment it carries. Taking a change to it would move a closed month's recomputation, and
 * so its late-change adjustments: such a change can only be dismissed.
 */
function paidInClosed(table: string, r: Row, closed: { start: string; end: string }[]): boolean {
	if (table === 'payPlans')
		return typeof r.effective === 'string' && closed.some((c) => (r.effective as string) < c.end);
	const start = r.periodStart;
	return typeof start === 'string' && closed.some((c) => start >= c.start && start < c.end);
}

/** What was set aside, newest first, each with its changes against the record as it is now. */
export async function listAsideViews(): Promise<AsideView[]> {
	const [all, closed] = await Promise.all([db().payAside.toArray(), closedMonths()]);
	const entries = all.sort((a, b) => b.at - a.at);
	return Promise.all(
		entries.map(async (entry) => {
			const stored = LEAD_PAY_TABLES.has(entry.table)
				? await tableOf(entry.table).get(entry.recordId)
				: undefined;
			return {
				entry,
				changes: asideChanges(stored ?? null, entry.record),
				takeable:
					entry.reason === 'manager_edit' &&
					stored !== undefined &&
					!frozen(stored) &&
					!paidInClosed(entry.table, stored, closed) &&
					!paidInClosed(entry.table, entry.record as Row, closed)
			};
		})
	);
}

/** What Undo of a take puts back: the entry, and the record's content before. */
export interface TakenAside {
	entry: PayAsideEntry;
	before: Record<string, unknown>;
}

export async function takePayAside(id: string): Promise<TakenAside> {
	const d = db();
	const entry = await d.payAside.get(id);
	if (!entry) throw new ValidationFailed([{ field: 'aside', code: 'aside_not_found' }]);
	const table = tableOf(entry.table);
	const stamp = await nextStamp();
	let before: Record<string, unknown> = {};
	await guarded(() =>
		d.transaction('rw', d.payAside, d.payCloses, table, async () => {
			const stored = await table.get(entry.recordId);
			if (entry.reason !== 'manager_edit' || !stored || frozen(stored))
				throw new ValidationFailed([{ field: 'aside', code: 'aside_not_takeable' }]);
			const closed = await closedMonths();
			if (
				paidInClosed(entry.table, stored, closed) ||
				paidInClosed(entry.table, entry.record as Row, closed)
			)
				throw new ValidationFailed([{ field: 'aside', code: 'aside_closed_month' }]);
			before = contentFields(stored);
			await table.put(editRecord(stored, contentFields(entry.record), stamp).next);
			await d.payAside.delete(id);
		})
	);
	return { entry, before };
}

/** Undoes a take: the record gets its earlier content back, as a new edit, and the entry returns. */
export async function undoTakePayAside(taken: TakenAside): Promise<void> {
	const d = db();
	const table = tableOf(taken.entry.table);
	const stamp = await nextStamp();
	await guarded(() =>
		d.transaction('rw', d.payAside, table, async () => {
			const stored = await table.get(taken.entry.recordId);
			if (!stored) throw new ValidationFailed([{ field: 'aside', code: 'aside_not_found' }]);
			await table.put(editRecord(stored, taken.before, stamp).next);
			await d.payAside.put(taken.entry);
		})
	);
}

/** The lead has seen a version: it goes, the record stays as the lead wrote it. */
export async function dismissAside(id: string): Promise<PayAsideEntry> {
	const d = db();
	const entry = await d.payAside.get(id);
	if (!entry) throw new ValidationFailed([{ field: 'aside', code: 'aside_not_found' }]);
	await d.payAside.delete(id);
	return entry;
}

/** Undoes a dismissal. */
export async function restoreAside(entry: PayAsideEntry): Promise<void> {
	await db().payAside.put(entry);
}
