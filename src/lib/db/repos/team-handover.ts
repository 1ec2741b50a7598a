import type { StageDef } from '$lib/domain/deal/stages';
import {
	checkHandOver,
	HANDOVER_KINDS,
	planHandOver,
	type HandOverErrorCode,
	type HandOverKind,
	type HandOverPlan
} from '$lib/domain/team/handover';
import { rosterOn } from '$lib/domain/team/member-fact';
import { zonedIsoDate } from '$lib/domain/team/zone';
import type { Id } from '$lib/domain/shared/types';
import { editRecord } from '$lib/sync/edit';
import type { Synced } from '$lib/sync/stamp';
import { stampOf } from '$lib/sync/undo';
import { customersChanged } from '../changes';
import { db } from '../db';
import { ValidationFailed } from '../errors';
import { newId } from '../ids';
import type { AuditEntry, RapportDB } from '../schema';
import { stamper } from '../session';
import { guarded } from '../write';
import { getStageConfig } from './deals';
import { getTeamZone } from './team-settings';

/**
 * A member's hand-over (domain/team/handover.ts): their customers and open deals, tasks and
 * tickets change owner in one transaction, each an ordinary stamped edit of `ownerId`, so that
 * it travels in files and merges. What Undo needs is kept in the audit log (action
 * 'member_handover'): every record moved with the stamp the hand-over gave its owner. Undo gives
 * a record back only while that stamp is still its owner's (sync/undo.ts's rule): a record
 * handed on again since, here or by a teammate whose file was merged, stays where it is now.
 */
export const HANDOVER_ACTION = 'member_handover';

interface HandOverDetail {
	from: Id;
	to: Id;
	/** Names at the time, for the list of hand-overs. */
	fromName: string;
	toName: string;
	moved: { table: HandOverKind; id: Id; hlc: string }[];
	undoneAt: number | null;
}

export interface HandOverSummary {
	id: string;
	at: number;
	from: Id;
	to: Id;
	fromName: string;
	toName: string;
	counts: Record<HandOverKind, number>;
	undone: boolean;
}

type Owned = Synced & { ownerId: Id; trashedAt: number | null };

/** What the member owns that a hand-over moves (read in the caller's transaction). */
export async function planFor(d: RapportDB, from: Id, stages: readonly StageDef[]) {
	const [customers, deals, tasks, tickets] = await Promise.all([
		d.customers.where('ownerId').equals(from).toArray(),
		d.deals.where('ownerId').equals(from).toArray(),
		d.tasks.where('ownerId').equals(from).toArray(),
		d.tickets.where('ownerId').equals(from).toArray()
	]);
	return planHandOver(from, { customers, deals, tasks, tickets }, stages);
}

const countsOf = (plan: HandOverPlan): Record<HandOverKind, number> =>
	Object.fromEntries(HANDOVER_KINDS.map((k) => [k, plan[k].length])) as Record<
		HandOverKind,
		number
	>;

async function refusal(
	d: RapportDB,
	from: Id,
	to: Id,
	plan: HandOverPlan,
	zone: string
): Promise<{ field: string; code: HandOverErrorCode }[]> {
	const [members, facts] = await Promise.all([d.members.toArray(), d.memberFacts.toArray()]);
	const states = rosterOn(
		members.map((m) => m.id),
		facts,
		zonedIsoDate(zone, Date.now())
	);
	const list = members.map((m) => ({
		id: m.id,
		trashedAt: m.trashedAt,
		status: states.get(m.id)?.status ?? 'active'
	}));
	return checkHandOver(from, to, list, plan);
}

export interface HandOverPreview {
	counts: Record<HandOverKind, number>;
	/** Why it cannot be done as asked (empty when it can). */
	errors: { field: string; code: HandOverErrorCode }[];
}

/** What a hand-over would move, counted per kind, and whether it can be done: a read only. */
export async function previewHandOver(from: Id, to: Id): Promise<HandOverPreview> {
	const [{ stages }, zone] = await Promise.all([getStageConfig(), getTeamZone()]);
	const d = db();
	return d.transaction(
		'r',
		[d.members, d.memberFacts, d.customers, d.deals, d.tasks, d.tickets],
		async () => {
			const plan = await planFor(d, from, stages);
			return { counts: countsOf(plan), errors: await refusal(d, from, to, plan, zone) };
		}
	);
}

/** Hands everything over in one transaction; returns the audit entry's id, for Undo. */
export async function handOver(from: Id, to: Id): Promise<string> {
	const [{ stages }, zone] = await Promise.all([getStageConfig(), getTeamZone()]);
	const stamp = await stamper();
	const d = db();
	const id = newId();
	let customerIds: Id[] = [];
	await guarded(() =>
		d.transaction(
			'rw',
			[d.members, d.memberFacts, d.customers, d.deals, d.tasks, d.tickets, d.audit],
			async () => {
				const plan = await planFor(d, from, stages);
				const errors = await refusal(d, from, to, plan, zone);
				if (errors.length) throw new ValidationFailed(errors);
				const moved: HandOverDetail['moved'] = [];
				for (const table of HANDOVER_KINDS) {
					const t = d.table<Owned, string>(table);
					const records = (await t.bulkGet(plan[table])).filter((r) => r !== undefined);
					const next = records.map((r) => {
						const s = stamp();
						moved.push({ table, id: r.id, hlc: s.hlc });
						return editRecord(r, { ownerId: to }, s).next;
					});
					await t.bulkPut(next);
				}
				const [fromM, toM] = await d.members.bulkGet([from, to]);
				const detail: HandOverDetail = {
					from,
					to,
					fromName: fromM?.name ?? '',
					toName: toM?.name ?? '',
					moved,
					undoneAt: null
				};
				await d.audit.add({ id, at: Date.now(), action: HANDOVER_ACTION, detail: { ...detail } });
				customerIds = plan.customers;
			}
		)
	);
	customersChanged(customerIds);
	return id;
}

export interface HandOverUndone {
	/** Records given back to the member who had them. */
	restored: number;
	/** Records handed on again since: left where they are now. */
	kept: number;
}

/**
 * Undoes a hand-over: every record it moved goes back to its member, unless its owner was
 * written since. Refused when the entry is not a hand-over or was undone, and when the member it
 * came from is no longer on the team (their records would be owned by nobody anyone sees).
 */
export async function undoHandOver(auditId: string): Promise<HandOverUndone> {
	const stamp = await stamper();
	const d = db();
	const result: HandOverUndone = { restored: 0, kept: 0 };
	const customerIds: Id[] = [];
	await guarded(() =>
		d.transaction(
			'rw',
			[d.members, d.customers, d.deals, d.tasks, d.tickets, d.audit],
			async () => {
				const entry = await d.audit.get(auditId);
				if (!entry || entry.action !== HANDOVER_ACTION)
					throw new ValidationFailed([{ field: 'handover', code: 'handover_not_found' }]);
				const detail = entry.detail as unknown as HandOverDetail;
				if (detail.undoneAt !== null)
					throw new ValidationFailed([{ field: 'handover', code: 'handover_already_undone' }]);
				const member = await d.members.get(detail.from);
				if (!member || member.trashedAt !== null)
					throw new ValidationFailed([{ field: 'handover', code: 'handover_member_gone' }]);
				for (const table of HANDOVER_KINDS) {
					const mine = detail.moved.filter((m) => m.table === table);
					const t = d.table<Owned, string>(table);
					const records = await t.bulkGet(mine.map((m) => m.id));
					const next: Owned[] = [];
					records.forEach((r, i) => {
						if (r && stampOf(r._meta, 'ownerId').hlc === mine[i]!.hlc) {
							next.push(editRecord(r, { ownerId: detail.from }, stamp()).next);
							if (table === 'customers') customerIds.push(r.id);
						} else result.kept++;
					});
					await t.bulkPut(next);
					result.restored += next.length;
				}
				const undone: AuditEntry = {
					...entry,
					detail: { ...entry.detail, undoneAt: Date.now() }
				};
				await d.audit.put(undone);
			}
		)
	);
	customersChanged(customerIds);
	return result;
}

/** Recent hand-overs, newest first (of one member, given or received, when `member` is given). */
export async function listHandOvers(member?: Id, limit = 20): Promise<HandOverSummary[]> {
	const entries = await db()
		.audit.orderBy('at')
		.reverse()
		.filter((e) => {
			if (e.action !== HANDOVER_ACTION) return false;
			const m = e.detail as unknown as HandOverDetail;
			return member === undefined || m.from === member || m.to === member;
		})
		.limit(limit)
		.toArray();
	return entries.map((e) => {
		const m = e.detail as unknown as HandOverDetail;
		const counts = Object.fromEntries(
			HANDOVER_KINDS.map((k) => [k, m.moved.filter((x) => x.table === k).length])
		) as Record<HandOverKind, number>;
		return {
			id: e.id,
			at: e.at,
			from: m.from,
			to: m.to,
			fromName: m.fromName,
			toName: m.toName,
			counts,
			undone: m.undoneAt !== null
		};
	});
}
