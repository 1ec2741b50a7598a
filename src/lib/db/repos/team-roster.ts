import type { LadderLevel } from '$lib/domain/growth/ladder-level';
import { blankMember, withMemberDefaults, type Member } from '$lib/domain/member/member';
import { validateMemberDraft, type MemberDraft } from '$lib/domain/member/member-draft';
import type { MemberStatus } from '$lib/domain/team/dated';
import {
	checkMemberFact,
	factIdOf,
	type MemberFact,
	type MemberFactDraft
} from '$lib/domain/team/member-fact';
import { zonedIsoDate } from '$lib/domain/team/zone';
import { createRecord, editRecord } from '$lib/sync/edit';
import { planSize } from '$lib/domain/team/handover';
import type { Id, IsoDate } from '$lib/domain/shared/types';
import { db } from '../db';
import { ValidationFailed } from '../errors';
import { newId } from '../ids';
import type { RapportDB } from '../schema';
import { getSession, nextStamp } from '../session';
import { guarded } from '../write';
import { editById } from './edit-by-id';
import { getStageConfig } from './deals';
import { refuse } from './field-errors';
import { planFor } from './team-handover';
import { getTeamZone } from './team-settings';

/**
 * The team roster: its members (a profile each) and their dated facts (level, reporting line,
 * status: domain/team/member-fact.ts), read together, since every page of the team needs both
 * and a team is tens of members. Members are added by hand here or arrive in snapshot files.
 */
export interface Team {
	/** Members not trashed, with every field of this version. */
	members: Member[];
	/** Every fact stored, trashed ones too (a history shows only live ones). */
	facts: MemberFact[];
	/** Every level stored, trashed ones too: a past fact may name a level since removed. */
	levels: LadderLevel[];
	/** The team's time zone and today's date in it. */
	zone: string;
	today: IsoDate;
	/** This device's member. */
	me: Id;
}

export async function readTeam(now = Date.now()): Promise<Team> {
	const d = db();
	// Every read starts before the first wait, so that a live query observes them all.
	const [members, facts, levels, zone, session] = await Promise.all([
		d.members.toArray(),
		d.memberFacts.toArray(),
		d.levels.toArray(),
		getTeamZone(),
		getSession()
	]);
	return {
		members: members.filter((m) => m.trashedAt === null).map(withMemberDefaults),
		facts,
		levels,
		zone,
		today: zonedIsoDate(zone, now),
		me: session.member.id
	};
}

/** The context a fact is checked in, read inside the writing transaction. */
export async function factContext(d: RapportDB, extraMember?: Id) {
	const [members, facts, levels] = await Promise.all([
		d.members.toArray(),
		d.memberFacts.toArray(),
		d.levels.toArray()
	]);
	const memberIds = new Set(members.filter((m) => m.trashedAt === null).map((m) => m.id));
	if (extraMember) memberIds.add(extraMember);
	return {
		facts,
		memberIds,
		levelIds: new Set(levels.filter((l) => l.trashedAt === null).map((l) => l.id))
	};
}

/** A new member: the profile and where they start on the roster. */
export interface NewMember extends MemberDraft {
	level: Id | null;
	reportsTo: Id | null;
	status: MemberStatus;
	/** First day of the level, line and status given (the start date when empty). */
	from: IsoDate;
}

/**
 * Adds a member by hand, with their first level, reporting line and status, in one transaction.
 * Refused with every field's code, and nothing written, when the profile or a fact is refused.
 */
export async function addMember(draft: NewMember): Promise<Id> {
	const checked = validateMemberDraft(draft);
	if (!checked.ok) throw new ValidationFailed(checked.errors);
	const profile = checked.value;
	const zone = await getTeamZone();
	const from = draft.from.trim() || profile.startDate || zonedIsoDate(zone, Date.now());
	const id = newId();
	const stamp = await nextStamp();
	const d = db();
	await guarded(() =>
		d.transaction('rw', d.members, d.memberFacts, d.levels, async () => {
			const ctx = await factContext(d, id);
			const drafts: MemberFactDraft[] = [
				...(draft.level ? [{ memberId: id, kind: 'level' as const, value: draft.level }] : []),
				{ memberId: id, kind: 'reports_to' as const, value: draft.reportsTo },
				{ memberId: id, kind: 'status' as const, value: draft.status }
			].map((f) => ({ ...f, from, note: '' }) as MemberFactDraft);
			const errors = drafts.flatMap((f) =>
				checkMemberFact(f, ctx).map((e) => ({
					field: e.field === 'value' ? fieldOfKind[f.kind] : e.field === 'from' ? 'from' : e.field,
					code: e.code
				}))
			);
			refuse(errors);
			await d.members.add(
				createRecord<Member>(id, { ...blankMember('', 'manager'), ...profile }, stamp)
			);
			await d.memberFacts.bulkAdd(
				drafts.map((f) => createRecord<MemberFact>(factIdOf(f), { ...f, trashedAt: null }, stamp))
			);
		})
	);
	return id;
}

/** The field of the new member's form that holds a fact of each kind. */
const fieldOfKind = { level: 'level', reports_to: 'reportsTo', status: 'status' } as const;

/** Edits a member's profile (name, phone, email, region, start date): only what changed is stamped. */
export async function updateMember(id: Id, draft: MemberDraft): Promise<void> {
	const checked = validateMemberDraft(draft);
	if (!checked.ok) throw new ValidationFailed(checked.errors);
	await editById(db().members, id, () => checked.value);
}

export type RemoveMemberCode = 'member_is_me' | 'member_owns_records';

/**
 * Takes a member off the roster (to the trash). Refused for this device's own member, and for a
 * member who still owns customers or open work: hand it over first (team-handover.ts), so that no
 * customer is left with an owner nobody sees.
 */
export async function removeMember(id: Id): Promise<void> {
	const session = await getSession();
	if (id === session.member.id)
		throw new ValidationFailed([{ field: 'member', code: 'member_is_me' }]);
	const { stages } = await getStageConfig();
	const stamp = await nextStamp();
	const d = db();
	await guarded(() =>
		d.transaction('rw', [d.members, d.customers, d.deals, d.tasks, d.tickets], async () => {
			const plan = await planFor(d, id, stages);
			if (planSize(plan) > 0)
				throw new ValidationFailed([{ field: 'member', code: 'member_owns_records' }]);
			const m = await d.members.get(id);
			if (!m || m.trashedAt !== null) return;
			await d.members.put(editRecord(m, { trashedAt: Date.now() }, stamp).next);
		})
	);
}
