import { findReportingCycles, type ReportingEntry } from '$lib/domain/team/hierarchy';
import {
	checkMemberFact,
	factIdOf,
	factsOfKind,
	type MemberFact,
	type MemberFactDraft
} from '$lib/domain/team/member-fact';
import { editRecord } from '$lib/sync/edit';
import { db } from '../db';
import { NotFound, ValidationFailed } from '../errors';
import { nextStamp } from '../session';
import { guarded } from '../write';
import { putKeyed } from './keyed-write';
import { factContext } from './team-roster';

/**
 * A member's level, reporting line or status from a date (domain/team/member-fact.ts). Setting
 * one writes the record of its key (member, kind, date): a correction of the same day edits it,
 * and one removed before comes back. Checked in the writing transaction against every fact
 * stored, so that no reporting loop is ever saved on any date.
 */
export async function setMemberFact(draft: MemberFactDraft): Promise<string> {
	const stamp = await nextStamp();
	const d = db();
	const value: MemberFactDraft = { ...draft, note: draft.note.trim() };
	return guarded(() =>
		d.transaction('rw', d.members, d.memberFacts, d.levels, async () => {
			const errors = checkMemberFact(value, await factContext(d));
			if (errors.length) throw new ValidationFailed(errors);
			const id = factIdOf(value);
			const data = { ...value, trashedAt: null } as Omit<MemberFact, 'id' | '_meta'>;
			await putKeyed(d.memberFacts, id, data, stamp);
			return id;
		})
	);
}

/** The reporting lines that would close a loop, as a set of keys, for comparing before and after. */
const loopKeys = (lines: ReportingEntry[]) =>
	new Set(findReportingCycles(lines).map((c) => c.members.join('\u0000')));

/**
 * Takes a fact out of a member's history (to the trash: a stamped edit that merges). Refused when
 * removing a reporting line would let an earlier one run on into a loop.
 */
export async function removeMemberFact(id: string): Promise<void> {
	const stamp = await nextStamp();
	const d = db();
	await guarded(() =>
		d.transaction('rw', d.memberFacts, async () => {
			const fact = await d.memberFacts.get(id);
			if (!fact) throw new NotFound(`memberFacts ${id}`);
			if (fact.trashedAt !== null) return;
			if (fact.kind === 'reports_to') {
				const lines = factsOfKind(await d.memberFacts.toArray(), 'reports_to');
				const before = loopKeys(lines);
				const after = loopKeys(lines.filter((l) => l.id !== id));
				if ([...after].some((k) => !before.has(k)))
					throw new ValidationFailed([{ field: 'value', code: 'reporting_cycle' }]);
			}
			await d.memberFacts.put(editRecord(fact, { trashedAt: Date.now() }, stamp).next);
		})
	);
}
