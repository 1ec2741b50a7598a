import { withMemberDefaults } from '$lib/domain/member/member';
import { MEMBER_DATA_TABLES, reachedMember } from '$lib/domain/privacy/member-data';
import type { Id } from '$lib/domain/shared/types';
import type { MemberData } from '$lib/io/member-data/encode';
import { withoutChangeNumber } from '$lib/sync/change-number';
import { withoutDerived } from '$lib/sync/merge';
import { db } from '../db';
import { NotFound } from '../errors';
import { getSession } from '../session';
import type { Row } from './undo-plan';

/**
 * A team member's own data, for their export (Settings › My data): their member record and the
 * records about them (domain/privacy/member-data.ts), each table read through the index on the
 * field naming them, so a colleague's record is never read at all. One read transaction: a file
 * merged meanwhile is in it whole or not at all. Records are as files carry them: without derived
 * fields nor the local change number.
 */
export async function collectMemberData(memberId: Id): Promise<MemberData> {
	const d = db();
	const tables = MEMBER_DATA_TABLES.map(({ table }) => d.table(table));
	return d.transaction('r', [d.members, ...tables], async () => {
		const [member, lists] = await Promise.all([
			d.members.get(memberId),
			Promise.all(
				MEMBER_DATA_TABLES.map(({ table, field }) =>
					d.table<Row, string>(table).where(field).equals(memberId).toArray()
				)
			)
		]);
		if (!member) throw new NotFound(`members ${memberId}`);
		return {
			member: withoutChangeNumber(withMemberDefaults(member)),
			tables: MEMBER_DATA_TABLES.map(({ table }, i) => ({
				table,
				records: lists[i]!.filter((r) => reachedMember(table, r))
					.sort((a, b) => a.id.localeCompare(b.id))
					.map((r) => withoutChangeNumber(withoutDerived(table, r)))
			}))
		};
	});
}

/** This device's member's own data. */
export async function collectMyData(): Promise<MemberData> {
	const { member } = await getSession();
	return collectMemberData(member.id);
}
