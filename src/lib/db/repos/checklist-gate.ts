import {
	canCloseTicket,
	canLeaveStage,
	type ChecklistGate,
	type MissingItems
} from '$lib/domain/plan/checklists';
import type { Deal } from '$lib/domain/deal/deal';
import type { StageKind } from '$lib/domain/deal/stages';
import type { Ticket } from '$lib/domain/ticket/ticket';
import { ValidationFailed } from '../errors';
import type { RapportDB } from '../schema';
import { readChecklist } from './checklists';

/**
 * Required checklist items stop a deal leaving its stage and a ticket being closed where the edit
 * is made (the repositories of deals and tickets call these in their write's transaction, which
 * must include `gateTables`). A change that arrives in a merged file is not stopped: it is
 * flagged (checklist-flags.ts).
 */
export class ChecklistIncomplete extends ValidationFailed {
	/** The labels of the required items left unticked, in the checklists' order. */
	readonly labels: string[];
	constructor(field: string, labels: string[]) {
		super([{ field, code: 'checklist_incomplete' }]);
		this.name = 'ChecklistIncomplete';
		this.labels = labels;
	}
}

/** The tables a gated write reads, to add to its transaction. */
export const gateTables = (d: RapportDB) => [d.checklists, d.checklistTicks];

async function inputs(d: RapportDB, recordId: string) {
	const [lists, ticks] = await Promise.all([
		d.checklists.toArray(),
		d.checklistTicks.where('recordId').equals(recordId).toArray()
	]);
	return { lists: lists.flatMap((c) => readChecklist(c) ?? []), ticks };
}

function labelsOf(
	missing: MissingItems[],
	lists: { id: string; items: { id: string; label: string }[] }[]
) {
	return missing.flatMap((m) => {
		const items = lists.find((c) => c.id === m.checklistId)?.items ?? [];
		return m.itemIds.map((id) => items.find((i) => i.id === id)?.label ?? '');
	});
}

function enforce(gate: ChecklistGate, field: string, lists: Parameters<typeof labelsOf>[1]): void {
	if (!gate.ok) throw new ChecklistIncomplete(field, labelsOf(gate.missing, lists));
}

/** Refuses a move of the deal out of its stage while a required item of the stage is unticked. */
export async function assertMayLeaveStage(
	d: RapportDB,
	deal: Pick<Deal, 'id' | 'stage'>,
	toStage: string,
	toKind: StageKind
): Promise<void> {
	if (toStage === deal.stage) return;
	const { lists, ticks } = await inputs(d, deal.id);
	enforce(canLeaveStage(deal, lists, ticks, toKind), 'stage', lists);
}

/** Refuses closing (resolving) the ticket while a required item of its kind is unticked. */
export async function assertMayClose(
	d: RapportDB,
	ticket: Pick<Ticket, 'id' | 'kind'>
): Promise<void> {
	const { lists, ticks } = await inputs(d, ticket.id);
	enforce(canCloseTicket(ticket, lists, ticks), 'status', lists);
}
