import { withMemberDefaults, type Member } from '$lib/domain/member/member';
import { db } from '../db';

/** Team members known to this install (own profile, demo team, teammates from snapshots). */
export async function listMembers(): Promise<Member[]> {
	const all = await db().members.toArray();
	return all.filter((m) => m.trashedAt === null).map(withMemberDefaults);
}

/**
 * The account managers: whose daily reports and training the team pages list (a lead's own row
 * would only ever read "not sent"). Until reporting lines exist, every manager known here.
 */
export async function listManagers(): Promise<Member[]> {
	return (await listMembers())
		.filter((m) => m.role === 'manager')
		.sort((a, b) => a.name.localeCompare(b.name));
}
