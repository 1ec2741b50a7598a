import type { Deal } from '$lib/domain/deal/deal';
import { stageKind } from '$lib/domain/deal/stages';
import { mergeFlags, type AuthoredChange, type ChecklistFlagEntry } from '$lib/domain/plan/flags';
import type { Ticket } from '$lib/domain/ticket/ticket';
import type { Id } from '$lib/domain/shared/types';
import { stampOf } from '$lib/sync/undo';
import type { SyncMeta } from '$lib/sync/stamp';
import { db } from '../db';
import { guarded } from '../write';
import type { RapportDB } from '../schema';
import { readChecklist } from './checklists';
import { DEFAULT_STAGES } from '$lib/domain/deal/stages';
import { readTeamSettingIn } from './team-settings';

type Row = { id: string; _meta: SyncMeta } & Record<string, unknown>;

/**
 * The deals and tickets a snapshot merge changed in a way a checklist would have stopped here (a
 * deal leaving its stage, a ticket closed, with required items unticked). The merge takes the
 * change: it was made on another device and is history. It is flagged instead, on this device,
 * and shown on the deal or ticket until someone dismisses it; Undo of the import removes its flags.
 * The checklists and ticks are read after the merge, so ticks that came in the same file count.
 */
export class MergedChanges {
	readonly #deals: { before: Row; after: Row }[] = [];
	readonly #tickets: { before: Row; after: Row }[] = [];

	/** A record the merge changed: kept when its stage or status changed. */
	note(table: string, before: Row, after: Row): void {
		if (table === 'deals' && before.stage !== after.stage) this.#deals.push({ before, after });
		if (table === 'tickets' && before.status !== after.status)
			this.#tickets.push({ before, after });
	}

	/** Writes the flags, in the merge's transaction (which must include `flagTables`). */
	async write(d: RapportDB, importId: Id, now: number): Promise<void> {
		if (this.#deals.length === 0 && this.#tickets.length === 0) return;
		const ids = [...this.#deals, ...this.#tickets].map((c) => c.after.id);
		const [config, lists, ticks] = await Promise.all([
			readTeamSettingIn(d, 'dealStages'),
			d.checklists.toArray(),
			d.checklistTicks.where('recordId').anyOf(ids).toArray()
		]);
		const stages = config?.stages ?? DEFAULT_STAGES;
		const changes: AuthoredChange[] = [
			...this.#deals.map(({ before, after }) => ({
				kind: 'deal' as const,
				before: dealOf(before),
				after: dealOf(after),
				toKind: stageKind(stages, String(after.stage)),
				by: stampOf(after._meta, 'stage').by
			})),
			...this.#tickets.map(({ before, after }) => ({
				kind: 'ticket' as const,
				before: ticketOf(before),
				after: ticketOf(after),
				by: stampOf(after._meta, 'status').by
			}))
		];
		const flags = mergeFlags(
			changes,
			lists.flatMap((c) => readChecklist(c) ?? []),
			ticks,
			importId,
			now
		);
		if (flags.length > 0) await d.checklistFlags.bulkPut(flags);
	}
}

// A merged record passed restore's checks of its kinds: its stage and status are text.
const dealOf = (r: Row): Pick<Deal, 'id' | 'stage'> => ({ id: r.id, stage: String(r.stage) });
const ticketOf = (r: Row): Pick<Ticket, 'id' | 'kind' | 'status'> => ({
	id: r.id,
	kind: String(r.kind) as Ticket['kind'],
	status: String(r.status) as Ticket['status']
});

/** The stores the flags of a merge are written to and read from. */
export const flagTables = (d: RapportDB) => [d.checklistFlags];

/** The flags of a deal or ticket, the newest first. */
export async function flagsOf(recordId: Id): Promise<ChecklistFlagEntry[]> {
	const list = await db().checklistFlags.where('recordId').equals(recordId).toArray();
	return list.sort((a, b) => b.at - a.at);
}

export async function dismissFlag(id: Id): Promise<void> {
	await guarded(() => db().checklistFlags.delete(id));
}

/** Removes the flags an undone import made (in the undo's transaction). */
export async function dropFlagsOf(d: RapportDB, importId: Id): Promise<void> {
	await d.checklistFlags.filter((f) => f.importId === importId).delete();
}
