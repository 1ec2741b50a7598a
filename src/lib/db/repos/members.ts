import { withMemberDefaults, type Member } from '$lib/domain/member/member';
import { db } from '../db';

/** Team members known to this install (own profile, demo team, teammates from snapshots). */
export async function listMembers(): Promise<Member[]> {
	const all = await db().members.toArray();
	// By name, so every list of members (checkboxes, summaries) reads the same on every device.
	return all
		.filter((m) => m.trashedAt === null)
		.map(withMemberDefaults)
		.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id));
}
