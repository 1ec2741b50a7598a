import { CUSTOMER_PARTS, SYNCED_TABLES, type SyncedTable } from './tables';

/**
 * An exchange: the files one device sends one recipient of one scope of its data, each carrying
 * what changed since the previous one (docs/SNAPSHOT.md, "Files of changes"). The sender keeps a
 * watermark per exchange; the receiver keeps, per sender device and exchange, which runs of the
 * sender's changes it holds (received-files.ts). Both know an exchange by its key.
 */

/** Who a file is for: the whole team, the team's lead, or one member. */
export type Recipient = { kind: 'team' } | { kind: 'lead' } | { kind: 'member'; memberId: string };

/**
 * What of the sender's data goes: everything, one member's customers with the records that belong
 * to them, or the goals (of one member). The scopes of a full export (`all`, `mine`, `goals`)
 * with the member named, so that a lead can send each manager theirs.
 */
export type ExchangeScope =
	{ kind: 'all' } | { kind: 'mine'; memberId: string } | { kind: 'goals'; memberId?: string };

export interface Exchange {
	recipient: Recipient;
	scope: ExchangeScope;
}

export function recipientKey(r: Recipient): string {
	return r.kind === 'member' ? `member:${r.memberId}` : r.kind;
}

export function scopeKey(s: ExchangeScope): string {
	if (s.kind === 'mine') return `mine:${s.memberId}`;
	if (s.kind === 'goals' && s.memberId !== undefined) return `goals:${s.memberId}`;
	return s.kind;
}

/** `lead/mine:m1`: the key a file's header and both sides' bookkeeping name the exchange by. */
export function exchangeKey(e: Exchange): string {
	return `${recipientKey(e.recipient)}/${scopeKey(e.scope)}`;
}

/**
 * How a scope picks a table's records: every record, the records a member owns (by the table's
 * owner field), or the records that belong to a customer in the scope (by `customerId`).
 */
export type TablePick =
	| { table: SyncedTable; by: 'all' }
	| { table: SyncedTable; by: 'owner'; field: string; memberId: string }
	| { table: SyncedTable; by: 'customer' };

/**
 * The tables a scope carries, in the order a file lists them (members first: they name who wrote
 * what). `tombstones`: which tombstones travel with it (a tombstone keeps only its table and id,
 * so a scope by owner or customer cannot tell whose it was, and sends them all).
 */
export function scopePicks(s: ExchangeScope): {
	tables: TablePick[];
	tombstones: 'all' | SyncedTable;
} {
	const members: TablePick = { table: 'members', by: 'all' };
	switch (s.kind) {
		case 'all':
			return {
				tables: SYNCED_TABLES.map((table): TablePick => ({ table, by: 'all' })),
				tombstones: 'all'
			};
		case 'mine':
			return {
				tables: [
					members,
					{ table: 'customers', by: 'owner', field: 'ownerId', memberId: s.memberId },
					...CUSTOMER_PARTS.map((table): TablePick => ({ table, by: 'customer' }))
				],
				tombstones: 'all'
			};
		case 'goals':
			return {
				tables: [
					members,
					s.memberId === undefined
						? { table: 'goals', by: 'all' }
						: { table: 'goals', by: 'owner', field: 'ownerId', memberId: s.memberId }
				],
				tombstones: 'goals'
			};
	}
}
