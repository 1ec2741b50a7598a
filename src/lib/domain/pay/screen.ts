import { canonical } from '../../sync/merge';
import type { Stamp, Synced } from '../../sync/stamp';
import type { MemberRole } from '../member/member';
import type { Id } from '../shared/types';

/**
 * What the lead's device does, before a merge, with a version of one of the lead's records (a
 * plan, a statement, an adjustment, a contest, a checklist …) arriving in a manager's file.
 * Last-writer-wins would let a manager's later edit override the lead; so the version is set
 * aside (kept and shown to the lead) whenever a manager wrote it, unless it is the lead's record
 * coming back unchanged. A closed statement is write-once: no one's different version is taken.
 */
export type ScreenVerdict =
	| { verdict: 'accept' }
	| { verdict: 'set_aside'; reason: 'manager_edit' | 'manager_created' | 'frozen' };

type Content = Synced & Record<string, unknown>;

function contentOf(r: Content): string {
	const rest: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(r)) if (k !== '_meta') rest[k] = v;
	return canonical(rest);
}

const isFrozen = (r: Content) => typeof r.closedAt === 'number';

/**
 * `authorRole` is the role of who wrote what the incoming version brings (see authorsOfChange:
 * 'manager' if any of them is one), null when it brings nothing newer than the stored version
 * (an old copy coming back), which the merge leaves alone anyway.
 */
export function screenLeadRecord(
	stored: Content | null,
	incoming: Content,
	authorRole: MemberRole | null
): ScreenVerdict {
	if (authorRole === null) return { verdict: 'accept' };
	const same = stored !== null && contentOf(stored) === contentOf(incoming);
	if (stored && isFrozen(stored) && !same) return { verdict: 'set_aside', reason: 'frozen' };
	if (authorRole === 'ops_lead' || same) return { verdict: 'accept' };
	return { verdict: 'set_aside', reason: stored ? 'manager_edit' : 'manager_created' };
}

const stampOf = (r: Synced, field: string): Stamp => r._meta.fields?.[field] ?? r._meta.created;

/**
 * Who wrote what the incoming version has that the stored one has not: the authors of its
 * stamps that are later than the stored stamps of the same fields (all its authors when nothing
 * is stored). The caller looks their roles up to screen the version.
 */
export function authorsOfChange(stored: Synced | null, incoming: Synced): Id[] {
	const fields = Object.keys(incoming).filter((k) => k !== 'id' && k !== '_meta');
	const authors = new Set<Id>();
	for (const f of fields) {
		const s = stampOf(incoming, f);
		if (!stored || s.hlc > stampOf(stored, f).hlc) authors.add(s.by);
	}
	return [...authors].sort();
}

/**
 * A version set aside before a merge, kept on the lead's device until they look at it: the table
 * and record, why, who wrote it, and the import it came in.
 */
export interface PayAsideEntry {
	/** `<table>:<record id>:<import id>`: one per version and file. */
	id: string;
	table: string;
	recordId: Id;
	reason: 'manager_edit' | 'manager_created' | 'frozen';
	authors: Id[];
	record: Record<string, unknown>;
	importId: string;
	at: number;
}
