/**
 * The names of the kinds of records (records.ts), shown wherever records of several kinds meet:
 * the Trash's groups, a snapshot's preview and conflicts, the records Undo keeps. A kind from a
 * newer version, which this one does not know, is shown as written or as "Record".
 */
import { t } from '$lib/i18n/i18n.svelte';
import { isSyncedTable } from '$lib/sync/tables';

/** "Customers", "联系记录" …: the name of a kind, as a group or a column is headed. */
export function kindName(table: string): string {
	return isSyncedTable(table) ? t(`records.${table}`) : table;
}

/** "Customer", "联系记录" …: one record of a kind. */
export function oneRecordName(table: string): string {
	return t(isSyncedTable(table) ? `records.${table}_one` : 'records.unknown_one');
}
