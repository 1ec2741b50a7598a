import type { Synced } from '../../sync/stamp';
import type { EpochMs, FieldError, Id, IsoDate } from '../shared/types';
import {
	compareDated,
	isLive,
	MEMBER_STATUSES,
	validateDated,
	valueAt,
	type DatedErrorCode,
	type MemberStatus
} from './dated';
import { validateReportingLine, type ReportingLineErrorCode } from './hierarchy';
import { memberFactId } from './keyed-id';

/**
 * The dated facts of the roster: a member's level, who they report to and their status, each
 * from a date (dated.ts). They are one table of records, one record per member, kind and date:
 * its id is derived from that key (keyed-id.ts), so setting or correcting the same change on
 * two devices writes one record. A change of level is the level record itself: the promotions
 * of growth/levels.ts are read from these records, not kept beside them.
 */
export const MEMBER_FACT_KINDS = ['level', 'reports_to', 'status'] as const;
export type MemberFactKind = (typeof MEMBER_FACT_KINDS)[number];

interface FactBase extends Synced {
	memberId: Id;
	/** First day in force, in the team zone. */
	from: IsoDate;
	/** Why (a promotion's reason, a move's), as the lead wrote it. */
	note: string;
	trashedAt: EpochMs | null;
	demo?: boolean;
}

/** A level: the id of a level of the team's ladder (growth/ladder-level.ts). */
export interface LevelFact extends FactBase {
	kind: 'level';
	value: Id;
}
/** Who the member reports to; null: nobody (the top of the team). */
export interface ReportingFact extends FactBase {
	kind: 'reports_to';
	value: Id | null;
}
export interface StatusFact extends FactBase {
	kind: 'status';
	value: MemberStatus;
}
export type MemberFact = LevelFact | ReportingFact | StatusFact;

/** What a person sets: a kind, a value and its first day (and why). */
export type MemberFactDraft =
	| Pick<LevelFact, 'memberId' | 'kind' | 'value' | 'from' | 'note'>
	| Pick<ReportingFact, 'memberId' | 'kind' | 'value' | 'from' | 'note'>
	| Pick<StatusFact, 'memberId' | 'kind' | 'value' | 'from' | 'note'>;

export type MemberFactErrorCode =
	| DatedErrorCode
	| ReportingLineErrorCode
	| 'kind_invalid'
	| 'level_unknown'
	| 'status_invalid'
	| 'manager_unknown'
	| 'member_unknown'
	| 'note_too_long'
	| 'fact_unchanged';

export const FACT_NOTE_MAX = 500;

export const factIdOf = (d: Pick<MemberFact, 'memberId' | 'kind' | 'from'>): string =>
	memberFactId(d.memberId, d.kind, d.from);

/** The records of one kind, typed by it. */
export function factsOfKind<K extends MemberFactKind>(
	facts: Iterable<MemberFact>,
	kind: K
): Extract<MemberFact, { kind: K }>[] {
	const out: Extract<MemberFact, { kind: K }>[] = [];
	for (const f of facts) if (f.kind === kind) out.push(f as Extract<MemberFact, { kind: K }>);
	return out;
}

export interface FactContext {
	/** Every fact stored, of every member (the draft's own record among them or not). */
	facts: readonly MemberFact[];
	/** The team's members who are not trashed. */
	memberIds: ReadonlySet<Id>;
	/** The levels of the ladder that are not trashed. */
	levelIds: ReadonlySet<Id>;
}

/**
 * Codes for a fact a person is about to save: a known member and date, a value of its kind (a
 * level of the ladder, a status, a manager on the team who does not close a loop), and a change
 * (the same value as already in force that day changes nothing and is refused, so a history
 * lists changes only).
 */
export function checkMemberFact(
	draft: MemberFactDraft,
	ctx: FactContext
): FieldError<MemberFactErrorCode>[] {
	const errors: FieldError<MemberFactErrorCode>[] = [...validateDated(draft)];
	if (draft.memberId && !ctx.memberIds.has(draft.memberId))
		errors.push({ field: 'memberId', code: 'member_unknown' });
	if (draft.note.length > FACT_NOTE_MAX) errors.push({ field: 'note', code: 'note_too_long' });
	if (!(MEMBER_FACT_KINDS as readonly string[]).includes(draft.kind))
		return [...errors, { field: 'kind', code: 'kind_invalid' }];
	if (errors.length) return errors;
	const id = factIdOf(draft);
	const others = ctx.facts.filter((f) => f.id !== id && f.kind === draft.kind && isLive(f));
	switch (draft.kind) {
		case 'level':
			if (!ctx.levelIds.has(draft.value)) return [{ field: 'value', code: 'level_unknown' }];
			break;
		case 'status':
			if (!(MEMBER_STATUSES as readonly string[]).includes(draft.value))
				return [{ field: 'value', code: 'status_invalid' }];
			break;
		case 'reports_to': {
			if (draft.value !== null && draft.value !== draft.memberId && !ctx.memberIds.has(draft.value))
				return [{ field: 'value', code: 'manager_unknown' }];
			const line = validateReportingLine(others as ReportingFact[], { ...draft, id });
			if (line.length) return line;
			break;
		}
	}
	const mine = others.filter((f) => f.memberId === draft.memberId);
	const inForce = valueAt<Id | null>(mine, draft.from);
	// No record yet: a first "reports to nobody" or "active" still says something worth keeping.
	if (mine.some((f) => f.from <= draft.from) && inForce === draft.value)
		return [{ field: 'value', code: 'fact_unchanged' }];
	return [];
}

/** One entry of a member's history: a fact and the value it replaced (undefined: none before). */
export interface HistoryEntry {
	fact: MemberFact;
	previous: MemberFact['value'] | undefined;
}

/**
 * A member's history, newest first: every live fact with the value of its kind in force the day
 * before. Of two records of one kind on the same day only the one in force is listed.
 */
export function memberHistory(facts: Iterable<MemberFact>, memberId: Id): HistoryEntry[] {
	const mine = [...facts].filter((f) => f.memberId === memberId && isLive(f));
	const out: HistoryEntry[] = [];
	for (const kind of MEMBER_FACT_KINDS) {
		const sorted = mine.filter((f) => f.kind === kind).sort(compareDated);
		// The winner of each day: the last of its day in order of force.
		const winners = sorted.filter((f, i) => sorted[i + 1]?.from !== f.from);
		winners.forEach((fact, i) => out.push({ fact, previous: winners[i - 1]?.value }));
	}
	return out.sort((a, b) => compareDated(b.fact, a.fact));
}

/** A member as the roster shows them on a date. */
export interface RosterState {
	level: Id | null;
	reportsTo: Id | null;
	/** A member without a status record is active. */
	status: MemberStatus;
}

/** Each member's level, manager and status in force on `date`. */
export function rosterOn(
	memberIds: Iterable<Id>,
	facts: Iterable<MemberFact>,
	date: IsoDate
): Map<Id, RosterState> {
	const byMember = new Map<Id, MemberFact[]>();
	for (const f of facts) {
		if (!isLive(f)) continue;
		const list = byMember.get(f.memberId);
		if (list) list.push(f);
		else byMember.set(f.memberId, [f]);
	}
	const out = new Map<Id, RosterState>();
	for (const id of memberIds) {
		const mine = byMember.get(id) ?? [];
		out.set(id, {
			level: valueAt(factsOfKind(mine, 'level'), date) ?? null,
			reportsTo: valueAt(factsOfKind(mine, 'reports_to'), date) ?? null,
			status: valueAt(factsOfKind(mine, 'status'), date) ?? 'active'
		});
	}
	return out;
}
