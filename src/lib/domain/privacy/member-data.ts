import { SYNCED_TABLES, specOf, type SyncedTable } from '../../sync/tables';

/**
 * What a team member's export of their own data holds (PIPL: a person may see and copy what is
 * held about them): the records ABOUT them. That is every table private to a member (the
 * registry's `privateTo`: goals, reviews, training plans, work plans, daily reports, pay
 * statements, adjustments, acknowledgements and disputes), so that a private table a later
 * version adds is in the export as soon as the registry names it, plus the two tables about a
 * member that are not private: their dated facts (level, reporting line, status) and their
 * training records. Not the records they own (customers, calls, deals, orders): those are about
 * customers and go in a customer's own export. A colleague's record is never in it, since every
 * table is read by the field naming this member.
 */

/** The tables about a member that are not private to them, read by their owner field. */
const ALSO_ABOUT: ReadonlySet<SyncedTable> = new Set(['memberFacts', 'trainingRecords']);

export interface MemberDataTable {
	table: SyncedTable;
	/** The field naming the member the record is about. */
	field: string;
}

/** In the registry's order. */
export const MEMBER_DATA_TABLES: readonly MemberDataTable[] = SYNCED_TABLES.flatMap((table) => {
	const spec = specOf(table);
	const field = spec?.privateTo ?? (ALSO_ABOUT.has(table) ? spec?.owner : null);
	return field ? [{ table, field }] : [];
});

/**
 * Whether a record about the member has reached them as their pages show it: a review once the
 * lead has signed it (until then it is the lead's draft, review/README.md), a pay statement once
 * its month is closed; every other record as it is.
 */
export function reachedMember(
	table: SyncedTable,
	record: Readonly<Record<string, unknown>>
): boolean {
	if (table === 'reviews') return typeof record.leadSignedAt === 'number';
	if (table === 'payStatements') return typeof record.closedAt === 'number';
	return true;
}
