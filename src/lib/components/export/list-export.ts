/**
 * Exports the customers a list shows (its current search, filter and order) as CSV: every field,
 * in a file the importer reads back as the same records, or just the list's columns; or their
 * interactions or orders. Headers are the
 * import field labels in the person's language; the encoding is UTF-8 with a BOM unless GB18030
 * is asked for; every cell goes through the formula guard of the CSV writer.
 */
import { datedName } from '$lib/components/home/csv';
import { fieldText } from '$lib/components/import/text';
import { downloadFile } from '$lib/components/ui/download';
import { localOffset } from '$lib/components/ui/local-offset';
import { interactionsOfCustomers, ordersOfCustomers } from '$lib/db/repos/activity-reads';
import { getCustomers } from '$lib/db/repos/customer-reads';
import type { ReadWatch } from '$lib/db/repos/snapshots';
import type { Customer } from '$lib/domain/customer/customer';
import type { Interaction } from '$lib/domain/interaction/interaction';
import type { Order } from '$lib/domain/order/order';
import type { CustomerRow } from '$lib/domain/customer/customer-row';
import { localIsoDate } from '$lib/domain/shared/dates';
import { t } from '$lib/i18n/i18n.svelte';
import type { CustomerListField } from '$lib/io/csv/customer-export';
import type { ExportEncoding } from '$lib/io/csv/export';

/** `customer`: every field (imports again as the same records); `shown`: the list's columns. */
export type ExportKind = 'customer' | 'shown' | 'interaction' | 'order';

const BASE: Record<ExportKind, string> = {
	customer: 'customers',
	shown: 'customers',
	interaction: 'interactions',
	order: 'orders'
};

/** Customers read at a time: each page is one step of the progress shown. */
const PAGE = 2_000;

/**
 * Builds the file and offers it for download; returns the data rows written and the name.
 * `watch` hears how many of the list's customers were read, and stops the export between pages
 * (then nothing is downloaded).
 */
export async function exportList(
	list: readonly CustomerRow[],
	kind: ExportKind,
	encoding: ExportEncoding,
	ownerName: (id: string) => string,
	watch: ReadWatch = {}
): Promise<{ rows: number; file: string }> {
	const [{ toCsv }, activity, { customerExportRows, customerListRows }] = await Promise.all([
		import('$lib/io/csv/export'),
		import('$lib/io/csv/activity-export'),
		import('$lib/io/csv/customer-export')
	]);
	const offset = localOffset();
	const file = datedName(BASE[kind], 'csv');
	const type = encoding === 'gb18030' ? 'text/csv;charset=gb18030' : 'text/csv;charset=utf-8';
	if (kind === 'shown') {
		const rows = customerListRows(list, listLabel, ownerName, (at) => localIsoDate(at, offset));
		downloadFile(file, [...toCsv(rows, { encoding })], type);
		return { rows: rows.length - 1, file };
	}
	const ids = list.map((r) => r.id);
	// Read in pages of customers, so the export says how far it got and may stop between them.
	const customers: Customer[] = [];
	const interactions: Interaction[] = [];
	const orders: Order[] = [];
	for (let i = 0; i < ids.length; i += PAGE) {
		watch.signal?.throwIfAborted();
		const page = ids.slice(i, i + PAGE);
		const [found, logged, bought] = await Promise.all([
			getCustomers(page),
			kind === 'interaction' ? interactionsOfCustomers(page) : [],
			kind === 'order' ? ordersOfCustomers(page) : []
		]);
		for (const c of found) if (c) customers.push(c);
		interactions.push(...logged);
		orders.push(...bought);
		watch.onRead?.(Math.min(i + PAGE, ids.length));
	}
	watch.signal?.throwIfAborted();
	const byId = new Map(customers.map((c) => [c.id, c]));
	const keyOf = (id: string): string => {
		const c = byId.get(id);
		return c ? activity.customerExportKey(c) : id;
	};
	let rows: string[][];
	if (kind === 'customer') rows = customerExportRows(customers, fieldText, ownerName);
	else if (kind === 'interaction')
		rows = activity.interactionExportRows(interactions, fieldText, keyOf, offset);
	else rows = activity.orderExportRows(orders, fieldText, keyOf, offset);
	downloadFile(file, [...toCsv(rows, { encoding })], type);
	return { rows: rows.length - 1, file };
}

/** Headers of the list's columns: the import's labels, and the list's own for last contact. */
function listLabel(field: CustomerListField): string {
	return field === 'last_contact' ? t('customers.col_last_contact') : fieldText(field);
}
