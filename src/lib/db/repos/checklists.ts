import {
	checklistId,
	sameScope,
	tickId,
	validateChecklist,
	type Checklist,
	type ChecklistItem,
	type ChecklistScope
} from '$lib/domain/plan/checklists';
import { itemsOf, scopeOf } from '$lib/domain/plan/shapes';
import type { StoredChecklist, StoredChecklistTick } from '$lib/domain/plan/synced';
import type { Id } from '$lib/domain/shared/types';
import { db } from '../db';
import { newId } from '../ids';
import { getSession, nextStamp } from '../session';
import { guarded } from '../write';
import { editById } from './edit-by-id';
import { refuse } from './field-errors';
import { upsertKeyed } from './keyed-write';

/** What the lead writes: the scope and its items (an item without an id is new). */
export interface ChecklistDraft {
	scope: ChecklistScope;
	items: { id?: Id; label: string; required: boolean }[];
}

export const MAX_ITEM_LABEL = 200;
export const MAX_ITEMS = 50;

/** A stored checklist read leniently; null when its scope is one this version cannot read. */
export function readChecklist(c: StoredChecklist): StoredChecklist | null {
	const scope = scopeOf(c.scope);
	return scope ? { ...c, scope, items: itemsOf(c.items) } : null;
}

/** The checklists in force (not removed), stages first, then ticket kinds. */
export async function listChecklists(): Promise<StoredChecklist[]> {
	const all = await db().checklists.toArray();
	return all
		.filter((c) => c.trashedAt === null)
		.flatMap((c) => readChecklist(c) ?? [])
		.sort((a, b) => a.id.localeCompare(b.id));
}

function checked(d: ChecklistDraft): Omit<Checklist, 'id' | 'trashedAt'> {
	const items: ChecklistItem[] = d.items.map((i) => ({
		id: i.id || newId(),
		label: i.label.trim(),
		required: i.required
	}));
	const value = { scope: d.scope, items };
	const errors: { field: string; code: string }[] = validateChecklist(value).flatMap(
		({ code, items: at }) =>
			at.length === 0
				? [{ field: code === 'scope_invalid' ? 'scope' : 'items', code }]
				: at.map((i) => ({ field: `items.${i}.label`, code }))
	);
	items.forEach((item, i) => {
		if (item.label.length > MAX_ITEM_LABEL)
			errors.push({ field: `items.${i}.label`, code: 'label_too_long' });
	});
	if (items.length > MAX_ITEMS) errors.push({ field: 'items', code: 'items_too_many' });
	refuse(errors);
	return value;
}

/**
 * Saves the checklist of a scope (one per stage or ticket kind: its id is the scope), bringing it
 * back if it was removed.
 */
export async function saveChecklist(draft: ChecklistDraft): Promise<Id> {
	const value = checked(draft);
	const id = checklistId(value.scope);
	const stamp = await nextStamp();
	const d = db();
	await guarded(() =>
		d.transaction('rw', d.checklists, () =>
			upsertKeyed(
				d.checklists,
				id,
				() => ({ ...value, trashedAt: null }),
				() => ({ items: value.items, trashedAt: null }),
				stamp
			)
		)
	);
	return id;
}

export async function removeChecklist(id: Id): Promise<void> {
	await editById(db().checklists, id, () => ({ trashedAt: Date.now() }));
}

/** An item of a checklist as it stands on one deal or ticket. */
export interface TickedItem extends ChecklistItem {
	done: boolean;
	/** Who ticked or unticked it, and when; null when nobody has. */
	by: Id | null;
	at: number | null;
}

export interface RecordChecklist {
	checklist: StoredChecklist;
	items: TickedItem[];
}

/** The checklists of a deal's stage or a ticket's kind, with each item's tick on that record. */
export async function checklistsOfRecord(
	scope: ChecklistScope,
	recordId: Id
): Promise<RecordChecklist[]> {
	const [lists, ticks] = await Promise.all([
		listChecklists(),
		db().checklistTicks.where('recordId').equals(recordId).toArray()
	]);
	const tickOf = new Map<string, StoredChecklistTick>(
		ticks.map((t) => [`${t.checklistId}\u0000${t.itemId}`, t])
	);
	return lists
		.filter((c) => sameScope(c.scope, scope))
		.map((checklist) => ({
			checklist,
			items: checklist.items.map((item) => {
				const t = tickOf.get(`${checklist.id}\u0000${item.id}`);
				return { ...item, done: t?.done ?? false, by: t?.by ?? null, at: t?.at ?? null };
			})
		}));
}

/** Ticks or unticks an item on a deal or ticket (one tick record per item and record). */
export async function setTick(
	recordId: Id,
	checklist: Id,
	itemId: Id,
	done: boolean
): Promise<void> {
	const [session, stamp] = [await getSession(), await nextStamp()];
	const by = session.member.id;
	const at = Date.now();
	const d = db();
	await guarded(() =>
		d.transaction('rw', d.checklistTicks, () =>
			upsertKeyed(
				d.checklistTicks,
				tickId(recordId, checklist, itemId),
				() => ({ checklistId: checklist, itemId, recordId, done, by, at }),
				() => ({ done, by, at }),
				stamp
			)
		)
	);
}
