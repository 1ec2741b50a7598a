/**
 * Whether a record about a member has reached them as their own pages show it: a review once the
 * lead has signed it (until then it is the lead's draft, review/README.md), a pay statement once
 * its month is closed; every other record as it is. A member's copy of their own data
 * (db/repos/my-data.ts) follows it, so the file never shows them what their pages do not yet.
 */
export function reachedMember(table: string, record: Readonly<Record<string, unknown>>): boolean {
	if (table === 'reviews') return typeof record.leadSignedAt === 'number';
	if (table === 'payStatements') return typeof record.closedAt === 'number';
	return true;
}
