import { withMemberDefaults, type Member } from '$lib/domain/member/member';
import { teamScope, type TeamScope } from '$lib/domain/team/access';
import type { Id } from '$lib/domain/shared/types';
import { factsOfKind, rosterOn } from '$lib/domain/team/member-fact';
import { zonedIsoDate } from '$lib/domain/team/zone';
import { db } from '../db';
import { getSession } from '../session';
import { getTeamZone } from './team-settings';

/**
 * Whose team data this device's member sees (domain/team/access.ts): everyone for the lead of the
 * operations center, else the people under them today. Read as a live query by the navigation,
 * so a role chosen or a reporting line merged shows at once.
 */
export async function myTeamScope(now = Date.now()): Promise<TeamScope> {
	const d = db();
	// Every read starts before the first wait, so that a live query observes them all.
	const [session, members, facts, zone] = await Promise.all([
		getSession(),
		d.members.toArray(),
		d.memberFacts.toArray(),
		getTeamZone()
	]);
	const me = members.find((m) => m.id === session.member.id) ?? session.member;
	return teamScope(
		{ id: me.id, role: me.role },
		members.filter((m) => m.trashedAt === null).map((m) => m.id),
		factsOfKind(facts, 'reports_to'),
		zonedIsoDate(zone, now)
	);
}

/**
 * The members of this device's member's team today (`myTeamScope`), by name: whose reports,
 * plans and training the team pages list. Empty for a manager with nobody under them.
 */
export async function myTeamMembers(now = Date.now()): Promise<Member[]> {
	const [scope, members] = await Promise.all([myTeamScope(now), db().members.toArray()]);
	return members
		.filter((m) => scope.members.has(m.id))
		.map(withMemberDefaults)
		.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Whether a member has left the team today (their dated status, in the team zone): a file that
 * still arrives from them is flagged, and their hand-over offered again.
 */
export async function hasLeft(memberId: Id, now = Date.now()): Promise<boolean> {
	const [facts, zone] = await Promise.all([
		db().memberFacts.where('memberId').equals(memberId).toArray(),
		getTeamZone()
	]);
	return rosterOn([memberId], facts, zonedIsoDate(zone, now)).get(memberId)?.status === 'left';
}
