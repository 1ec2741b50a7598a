/**
 * What a checked interaction log or order history becomes. Each accepted row is already linked to
 * a stored customer (by the codec). A row identical to a stored record of that customer, or to an
 * earlier row of the file (same customer and time, and same type and summary, or same amount and
 * products), is a duplicate: with every strategy but "create anyway" it is skipped, so importing
 * the same file twice never logs a contact or an order twice. Activities are never "updated".
 */
import { followUpTask, localMidnight } from '../../domain/task/follow-up';
import type { InteractionImportDraft, OrderImportDraft } from '../csv/normalize-activity';
import type { DuplicateStrategy, PlanCounts } from './plan';

export type ActivityTarget = 'interaction' | 'order';

export interface PlannedActivityOp {
	op: 'create';
	/** Tasks: the follow-ups that imported contacts' "next follow-up" dates ask for. */
	table: 'interactions' | 'orders' | 'tasks';
	id: string;
	data: Record<string, unknown>;
}

export interface StagedActivityRow {
	line: number;
	newId: string;
	customerId: string;
	ownerId: string;
	target: ActivityTarget;
	draft: InteractionImportDraft | OrderImportDraft;
}

/** The fields two records must share to be the same interaction or order. */
export type ActivityKeySource =
	| { customerId: string; at: number; type: string; summary: string }
	| {
			customerId: string;
			at: number;
			amount: { minor: number; currency: string };
			products: readonly string[];
	  };

export function activityKey(r: ActivityKeySource): string {
	return 'type' in r
		? ['i', r.customerId, r.at, r.type, r.summary].join('\u0000')
		: ['o', r.customerId, r.at, r.amount.currency, r.amount.minor, ...r.products].join('\u0000');
}

export const rowKey = (r: StagedActivityRow): string =>
	activityKey({ ...r.draft, customerId: r.customerId } as ActivityKeySource);

/** Lines that repeat a stored record (`stored` keys) or an earlier line of the file. */
export function duplicateLines(
	rows: Iterable<{ line: number; key: string }>,
	stored: ReadonlySet<string>
): Set<number> {
	const seen = new Set<string>();
	const dup = new Set<number>();
	for (const { line, key: k } of rows) {
		if (stored.has(k) || seen.has(k)) dup.add(line);
		seen.add(k);
	}
	return dup;
}

function recordData(r: StagedActivityRow): Record<string, unknown> {
	const base = { customerId: r.customerId, ownerId: r.ownerId, trashedAt: null };
	if (r.target === 'interaction') {
		const d = r.draft as InteractionImportDraft;
		return {
			...base,
			type: d.type,
			at: d.at,
			durationMinutes: d.durationMinutes,
			summary: d.summary,
			outcome: d.outcome,
			satisfaction: d.satisfaction,
			nextFollowUp: d.nextFollowUp
		};
	}
	const d = r.draft as OrderImportDraft;
	// The order has no number or quantity field: they are kept in its notes, not dropped.
	const extra = [d.orderNo && `#${d.orderNo}`, d.quantity !== null && `×${d.quantity}`];
	return {
		...base,
		dealId: null,
		at: d.at,
		amount: d.amount,
		products: d.products,
		notes: [d.notes, extra.filter(Boolean).join(' ')].filter(Boolean).join('\n')
	};
}

/**
 * An imported contact with a "next follow-up" date of today or later gets its follow-up task, as
 * a contact logged by hand does; a date already past (an old log) does not, so importing a
 * year of history does not fill the task list with overdue follow-ups.
 */
export interface FollowUpOptions {
	/** The import time: follow-ups due before its local day are not created. */
	now: number;
	newId: () => string;
}

/** The local midnight that starts the day of `at`. */
function dayStart(at: number): number {
	const d = new Date(at);
	return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

function followUpOp(
	r: StagedActivityRow,
	newId: () => string,
	since: number
): PlannedActivityOp | null {
	if (r.target !== 'interaction') return null;
	const d = r.draft as InteractionImportDraft;
	if (!d.nextFollowUp) return null;
	const dueAt = localMidnight(d.nextFollowUp);
	if (dueAt < since) return null;
	const source = { id: r.newId, summary: d.summary, customerId: r.customerId, ownerId: r.ownerId };
	return { op: 'create', table: 'tasks', id: newId(), data: followUpTask(source, dueAt) };
}

export function planActivity(
	rows: readonly StagedActivityRow[],
	strategy: DuplicateStrategy,
	duplicates: ReadonlySet<number>,
	followUps?: FollowUpOptions
): { ops: PlannedActivityOp[]; counts: PlanCounts } {
	const ops: PlannedActivityOp[] = [];
	const counts: PlanCounts = { new: 0, updated: 0, skipped: 0 };
	const since = followUps ? dayStart(followUps.now) : Infinity;
	for (const r of rows) {
		if (strategy !== 'create' && duplicates.has(r.line)) {
			counts.skipped++;
			continue;
		}
		ops.push({
			op: 'create',
			table: r.target === 'interaction' ? 'interactions' : 'orders',
			id: r.newId,
			data: recordData(r)
		});
		const task = followUps && followUpOp(r, followUps.newId, since);
		if (task) ops.push(task);
		counts.new++;
	}
	return { ops, counts };
}

export function countActivity(
	lines: Iterable<{ line: number }>,
	strategy: DuplicateStrategy,
	duplicates: ReadonlySet<number>
): PlanCounts {
	const counts: PlanCounts = { new: 0, updated: 0, skipped: 0 };
	for (const { line } of lines)
		if (strategy !== 'create' && duplicates.has(line)) counts.skipped++;
		else counts.new++;
	return counts;
}
