import type { MemberRole } from '../member/member';
import type { Id, IsoDate } from '../shared/types';
import { historiesByMember, valueAt } from './dated';
import type { ReportingEntry } from './hierarchy';

/**
 * Whose team data a person sees in the app: the lead of the operations center sees everyone;
 * anyone else sees the people under them on the day (directly or through their own managers:
 * a 销售主管 sees their team), and a manager with nobody under them sees no team at all. This
 * is what the pages offer, not a protection: what a device holds is what the files it imported
 * carried, and confidential records travel only in their recipient's own file.
 */
export interface TeamScope {
	/** Leads the operations center: sees the whole team. */
	lead: boolean;
	/** Everyone whose goals, reviews and pay this person may open, themselves not included. */
	members: ReadonlySet<Id>;
}

/** Everyone under `manager` on `date`, directly or not (a loop, which saving refuses, ends). */
export function reportsOn(lines: Iterable<ReportingEntry>, manager: Id, date: IsoDate): Id[] {
	const direct = new Map<Id, Id[]>();
	for (const [member, history] of historiesByMember<Id | null, ReportingEntry>(lines)) {
		const boss = valueAt(history, date);
		if (!boss) continue;
		const list = direct.get(boss);
		if (list) list.push(member);
		else direct.set(boss, [member]);
	}
	const seen = new Set<Id>([manager]);
	const out: Id[] = [];
	for (let queue = [manager]; queue.length;) {
		const next: Id[] = [];
		for (const m of queue)
			for (const r of direct.get(m) ?? []) {
				if (seen.has(r)) continue;
				seen.add(r);
				out.push(r);
				next.push(r);
			}
		queue = next;
	}
	return out;
}

export function teamScope(
	me: { id: Id; role: MemberRole },
	memberIds: Iterable<Id>,
	lines: Iterable<ReportingEntry>,
	today: IsoDate
): TeamScope {
	if (me.role === 'ops_lead')
		return { lead: true, members: new Set([...memberIds].filter((id) => id !== me.id)) };
	const known = new Set(memberIds);
	return {
		lead: false,
		members: new Set(reportsOn(lines, me.id, today).filter((id) => known.has(id)))
	};
}

/**
 * Whether `me` may see the records private to `member` (their goals, plans, reviews): their own,
 * those of the people under them, and everyone's for the lead (a member who has left included).
 * A private record that names nobody (`''`) is the lead's alone to see.
 */
export function seesPrivateOf(scope: TeamScope, me: Id, member: Id): boolean {
	return scope.lead || (member !== '' && (member === me || scope.members.has(member)));
}

/** Whether the Team section shows at all: for a lead, and for anyone with people under them. */
export const seesTeam = (scope: TeamScope): boolean => scope.lead || scope.members.size > 0;
