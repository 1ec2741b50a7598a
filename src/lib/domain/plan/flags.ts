import type { EpochMs, Id } from '../shared/types';
import {
	flagsFor,
	type Checklist,
	type ChecklistFlag,
	type ChecklistTick,
	type MergedChange
} from './checklists';

/**
 * A merged change the checklists would have stopped here, kept on this device so that the deal
 * or ticket shows it until someone dismisses it. It names the items by their labels as they were
 * when the file was merged (the lead may rename or remove them later).
 */
export interface ChecklistFlagEntry extends ChecklistFlag {
	id: Id;
	table: 'deals' | 'tickets';
	/** The labels of the missing items, in the checklists' order. */
	labels: string[];
	/** Who made the change: the author of the stage's or status's stamp. */
	by: Id;
	/** The snapshot import that brought it. */
	importId: Id;
	at: EpochMs;
}

/** A merged change with who made it. */
export type AuthoredChange = MergedChange & { by: Id };

/** One flag per record and import: the same file merged twice gives the same id. */
export const flagId = (importId: Id, recordId: Id, code: ChecklistFlag['code']): Id =>
	`${importId}:${recordId}:${code}`;

/** The flags of the changes a merge made, against the checklists and ticks after the merge. */
export function mergeFlags(
	changes: Iterable<AuthoredChange>,
	checklists: readonly Checklist[],
	ticks: readonly ChecklistTick[],
	importId: Id,
	at: EpochMs
): ChecklistFlagEntry[] {
	const labelOf = new Map<string, string>();
	for (const c of checklists) for (const i of c.items) labelOf.set(`${c.id}\u0000${i.id}`, i.label);
	const out: ChecklistFlagEntry[] = [];
	for (const change of changes) {
		for (const f of flagsFor(change, checklists, ticks)) {
			out.push({
				...f,
				id: flagId(importId, f.recordId, f.code),
				table: change.kind === 'deal' ? 'deals' : 'tickets',
				labels: f.missing.flatMap((m) =>
					m.itemIds.map((i) => labelOf.get(`${m.checklistId}\u0000${i}`) ?? '')
				),
				by: change.by,
				importId,
				at
			});
		}
	}
	return out;
}
