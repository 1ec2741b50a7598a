import { OPEN_TICKET_STATUSES } from '../ticket/deadline';
import { TICKET_KINDS, type Ticket } from '../ticket/ticket';
import type { StageKind } from '../deal/stages';
import type { Deal } from '../deal/deal';
import type { EpochMs, Id } from '../shared/types';

/**
 * Checklists (标准作业清单) the lead defines per deal stage and per ticket kind, sent to the team
 * in snapshots. An item may be required before a deal leaves its stage or a ticket is closed:
 * enforced where the edit is made (canLeaveStage, canCloseTicket). A change that arrives in a
 * merged file was made elsewhere and is already history, so it is flagged for the lead, never
 * refused (flagsFor).
 */
export type ChecklistScope =
	{ kind: 'deal_stage'; stage: string } | { kind: 'ticket_kind'; ticketKind: Ticket['kind'] };

export interface ChecklistItem {
	id: Id;
	label: string;
	required: boolean;
}

export interface Checklist {
	id: Id;
	scope: ChecklistScope;
	items: ChecklistItem[];
	trashedAt: number | null;
}

/** One tick per record, checklist and item (see tickId); unticking writes done: false. */
export interface ChecklistTick {
	id: Id;
	checklistId: Id;
	itemId: Id;
	recordId: Id;
	done: boolean;
	by: Id;
	at: EpochMs;
}

/**
 * One checklist per scope (a deal stage, a ticket kind): its id is the scope, so the lead's two
 * devices edit the same list, and a stage's items are in one place.
 */
export function checklistId(scope: ChecklistScope): Id {
	return scope.kind === 'deal_stage'
		? `checklist:deal_stage:${scope.stage}`
		: `checklist:ticket_kind:${scope.ticketKind}`;
}

export function tickId(recordId: Id, checklistId: Id, itemId: Id): Id {
	return `tick:${recordId}:${checklistId}:${itemId}`;
}

export type ChecklistErrorCode =
	'scope_invalid' | 'items_empty' | 'item_label_required' | 'item_id_duplicate';

export function validateChecklist(c: Omit<Checklist, 'id' | 'trashedAt'>): {
	code: ChecklistErrorCode;
	items: number[];
}[] {
	const errors: { code: ChecklistErrorCode; items: number[] }[] = [];
	const scopeOk =
		c.scope.kind === 'deal_stage'
			? c.scope.stage.trim() !== ''
			: c.scope.kind === 'ticket_kind' && TICKET_KINDS.includes(c.scope.ticketKind);
	if (!scopeOk) errors.push({ code: 'scope_invalid', items: [] });
	if (c.items.length === 0) errors.push({ code: 'items_empty', items: [] });
	const seen = new Set<Id>();
	c.items.forEach((item, i) => {
		if (!item.label.trim()) errors.push({ code: 'item_label_required', items: [i] });
		if (seen.has(item.id)) errors.push({ code: 'item_id_duplicate', items: [i] });
		seen.add(item.id);
	});
	return errors;
}

/** The required items of one checklist that are not ticked. */
export interface MissingItems {
	checklistId: Id;
	itemIds: Id[];
}

export const sameScope = (a: ChecklistScope, b: ChecklistScope): boolean =>
	a.kind === 'deal_stage' && b.kind === 'deal_stage'
		? a.stage === b.stage
		: a.kind === 'ticket_kind' && b.kind === 'ticket_kind' && a.ticketKind === b.ticketKind;

/**
 * The required items left unticked for a record under a scope. When one item has several ticks
 * (a merge of two devices' unrelated records), the latest decides.
 */
export function missingRequired(
	scope: ChecklistScope,
	recordId: Id,
	checklists: readonly Checklist[],
	ticks: readonly ChecklistTick[]
): MissingItems[] {
	const latest = new Map<string, ChecklistTick>();
	for (const t of ticks) {
		if (t.recordId !== recordId) continue;
		const key = `${t.checklistId}\u0000${t.itemId}`;
		const prev = latest.get(key);
		if (!prev || t.at > prev.at || (t.at === prev.at && t.id > prev.id)) latest.set(key, t);
	}
	const out: MissingItems[] = [];
	for (const c of checklists) {
		if (c.trashedAt != null || !sameScope(c.scope, scope)) continue;
		const itemIds = c.items
			.filter((i) => i.required && !latest.get(`${c.id}\u0000${i.id}`)?.done)
			.map((i) => i.id);
		if (itemIds.length > 0) out.push({ checklistId: c.id, itemIds });
	}
	return out;
}

export type ChecklistGate =
	{ ok: true } | { ok: false; code: 'checklist_incomplete'; missing: MissingItems[] };

const gate = (missing: MissingItems[]): ChecklistGate =>
	missing.length === 0 ? { ok: true } : { ok: false, code: 'checklist_incomplete', missing };

/**
 * Whether a deal may leave its stage. Losing a deal is never held back by a checklist: the
 * work was not done because the deal ended, and the lost reason says why.
 */
export function canLeaveStage(
	deal: Pick<Deal, 'id' | 'stage'>,
	checklists: readonly Checklist[],
	ticks: readonly ChecklistTick[],
	toKind: StageKind = 'open'
): ChecklistGate {
	if (toKind === 'lost') return { ok: true };
	return gate(
		missingRequired({ kind: 'deal_stage', stage: deal.stage }, deal.id, checklists, ticks)
	);
}

const isOpenStatus = (s: Ticket['status']) => OPEN_TICKET_STATUSES.includes(s);

/** Whether a ticket may be closed (leave its open statuses). */
export function canCloseTicket(
	ticket: Pick<Ticket, 'id' | 'kind'>,
	checklists: readonly Checklist[],
	ticks: readonly ChecklistTick[]
): ChecklistGate {
	return gate(
		missingRequired({ kind: 'ticket_kind', ticketKind: ticket.kind }, ticket.id, checklists, ticks)
	);
}

export type MergedChange =
	| {
			kind: 'deal';
			before: Pick<Deal, 'id' | 'stage'>;
			after: Pick<Deal, 'id' | 'stage'>;
			/** The kind of the stage the deal went to. */
			toKind: StageKind;
	  }
	| {
			kind: 'ticket';
			before: Pick<Ticket, 'id' | 'kind' | 'status'>;
			after: Pick<Ticket, 'id' | 'kind' | 'status'>;
	  };

export interface ChecklistFlag {
	recordId: Id;
	code: 'left_stage_unchecked' | 'closed_unchecked';
	/** The deal's stage it left, for a deal. */
	stage?: string;
	missing: MissingItems[];
}

/**
 * What a merged change did that the checklist would have stopped here: a deal that left a stage
 * with required items unticked, a ticket closed with them. Flagged, not refused: the change
 * stands, and the lead sees it.
 */
export function flagsFor(
	change: MergedChange,
	checklists: readonly Checklist[],
	ticks: readonly ChecklistTick[]
): ChecklistFlag[] {
	if (change.kind === 'deal') {
		const { before, after } = change;
		if (before.stage === after.stage) return [];
		const g = canLeaveStage(before, checklists, ticks, change.toKind);
		return g.ok
			? []
			: [
					{
						recordId: before.id,
						code: 'left_stage_unchecked',
						stage: before.stage,
						missing: g.missing
					}
				];
	}
	const { before, after } = change;
	if (!isOpenStatus(before.status) || isOpenStatus(after.status)) return [];
	const g = canCloseTicket(before, checklists, ticks);
	return g.ok ? [] : [{ recordId: before.id, code: 'closed_unchecked', missing: g.missing }];
}
