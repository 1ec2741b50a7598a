import { reachedMember } from '$lib/domain/privacy/reached-member';
import { withoutChangeNumber } from '$lib/sync/change-number';
import { SYNCED_TABLES, specOf, type SyncedTable } from '$lib/sync/tables';
import { db } from '../db';
import { getSession } from '../session';

/**
 * What Rapport keeps about this device's member as a member of staff (PIPL: a person may have a
 * copy of their personal data): their own record and every record about them, as the registry
 * of synced tables names them: the tables whose records are confidential to a member (goals,
 * reviews, pay, plans, reports) and those whose owner field is `memberId` (their levels, lines,
 * status, training). The customers and work they own as an account manager are the team's, not
 * data about them, and are left out; so is every record about a colleague, and what has not
 * reached the member yet (domain/privacy/reached-member.ts).
 */
export interface MyData {
	memberId: string;
	/** Records by table, in the registry's order; only tables with any. */
	records: Partial<Record<SyncedTable, object[]>>;
}

/** The tables holding records about one member, and the field that names them. */
export const ABOUT_A_MEMBER: readonly { table: SyncedTable; field: string }[] =
	SYNCED_TABLES.flatMap((table) => {
		const spec = specOf(table);
		const field = spec?.privateTo ?? (spec?.owner === 'memberId' ? 'memberId' : null);
		return field ? [{ table, field }] : [];
	});

export async function collectMyData(): Promise<MyData> {
	const { member } = await getSession();
	const d = db();
	const me = await d.members.get(member.id);
	const records: MyData['records'] = me ? { members: [withoutChangeNumber(me)] } : {};
	for (const { table, field } of ABOUT_A_MEMBER) {
		// Each of these tables is indexed on that field (synced-tables.test.ts checks owner fields).
		const stored = await d
			.table<Record<string, unknown>>(table)
			.where(field)
			.equals(member.id)
			.toArray();
		// A review not yet signed, a statement of a month still open: not theirs to see yet.
		const list = stored.filter((r) => reachedMember(table, r));
		if (list.length) records[table] = list.map((r) => withoutChangeNumber(r));
	}
	return { memberId: member.id, records };
}
