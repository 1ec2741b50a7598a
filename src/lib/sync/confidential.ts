import { specOf } from './tables';

/**
 * Confidentiality by what a file holds, never by the role the app was told: a record private to a
 * member (their goals, reviews, pay, plans: the registry's `privateTo`) travels only
 * - in a backup (the device's own copy of everything),
 * - in a file for that member (the lead sends each manager theirs),
 * - in the file that member sends the lead (their own records go back to the lead).
 * A file for the team, or for another member, never carries it; nor does the lead's file when it
 * is not the sender's own record (a manager passing on a colleague's goal they happen to hold).
 */

/** Who a file is made for (the team-exchange recipients, and a backup). */
export type FileFor =
	{ kind: 'backup' } | { kind: 'team' } | { kind: 'lead' } | { kind: 'member'; memberId: string };

/** The member a record is private to, or null when it is not private (or its table unknown). */
export function privateMemberOf(
	table: string,
	record: Readonly<Record<string, unknown>>
): string | null {
	const field = specOf(table)?.privateTo;
	if (!field) return null;
	const who = record[field];
	// A private record that names nobody is nobody's to receive: it stays home.
	return typeof who === 'string' ? who : '';
}

/**
 * Whether a file for `to`, written by the device of member `sender`, may carry `record` of
 * `table`.
 */
export function mayCarry(
	table: string,
	record: Readonly<Record<string, unknown>>,
	to: FileFor,
	sender: string
): boolean {
	const member = privateMemberOf(table, record);
	if (member === null) return true;
	switch (to.kind) {
		case 'backup':
			return true;
		case 'member':
			return member !== '' && member === to.memberId;
		case 'lead':
			return member !== '' && member === sender;
		case 'team':
			return false;
	}
}

/** Whether any table can hold records private to a member (files for one member are encrypted by default). */
export function holdsPrivate(table: string): boolean {
	return Boolean(specOf(table)?.privateTo);
}
