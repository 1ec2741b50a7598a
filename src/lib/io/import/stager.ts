/**
 * Turns checked rows from the worker into rows to stage: customers get their new ids and owner,
 * interactions and orders the customer the codec linked them to. Rejected rows are kept (line,
 * reasons, original cells) for the list and the download. Only what the counts need stays in
 * memory; the rows themselves go to the staging table.
 */
import type { ImportedRow } from '../csv/codec';
import type { ImportTarget } from '../csv/fields';
import type { CustomerImportDraft } from '../csv/normalize';
import type { InteractionImportDraft, OrderImportDraft } from '../csv/normalize-activity';
import { rowKey, type StagedActivityRow } from './activity-plan';
import type { StagedCustomerRow } from './plan';

export interface RejectedRow {
	line: number;
	codes: string[];
	cells: string[];
	/** The column (1-based) of a cell over a cap, which the reason names. */
	column?: number;
}

/** What the counts of a customer file need. */
export type CustomerLine = Pick<StagedCustomerRow, 'line' | 'duplicateOf' | 'duplicateOfLine'>;
/** What the duplicate check of an activity file needs. */
export interface ActivityLine {
	line: number;
	key: string;
	customerId: string;
}

export class Stager {
	readonly rejected: RejectedRow[] = [];
	readonly customers: CustomerLine[] = [];
	readonly activities: ActivityLine[] = [];
	readonly #target: ImportTarget;
	readonly #ownerIds: ReadonlyMap<string, string>;
	readonly #meId: string;

	constructor(target: ImportTarget, ownerIds: ReadonlyMap<string, string>, meId: string) {
		this.#target = target;
		this.#ownerIds = ownerIds;
		this.#meId = meId;
	}

	/** The rows of one batch to stage (rejected ones are only remembered). */
	take(rows: readonly ImportedRow<unknown>[]): (StagedCustomerRow | StagedActivityRow)[] {
		const out: (StagedCustomerRow | StagedActivityRow)[] = [];
		for (const r of rows) {
			if (!r.draft) {
				const errors = r.issues.filter((i) => i.severity === 'error');
				const column = errors.find((i) => i.column !== undefined)?.column;
				this.rejected.push({
					line: r.line,
					codes: errors.map((i) => i.code),
					cells: r.cells ?? [],
					...(column === undefined ? {} : { column })
				});
				continue;
			}
			if (this.#target === 'customer') out.push(this.#customer(r.line, r));
			else if (r.customerId) out.push(this.#activity(r.line, r.customerId, r.draft));
		}
		return out;
	}

	#customer(line: number, r: ImportedRow<unknown>): StagedCustomerRow {
		const draft = r.draft as CustomerImportDraft;
		const owner = draft.ownerName.trim().toLowerCase();
		const row: StagedCustomerRow = {
			line,
			newId: crypto.randomUUID(),
			contactId: crypto.randomUUID(),
			draft,
			ownerId: (owner && this.#ownerIds.get(owner)) || this.#meId,
			duplicateOf: r.duplicates[0]?.id ?? null,
			duplicateOfLine: r.duplicateOfLines[0]?.line ?? null
		};
		this.customers.push({
			line,
			duplicateOf: row.duplicateOf,
			duplicateOfLine: row.duplicateOfLine
		});
		return row;
	}

	#activity(line: number, customerId: string, draft: unknown): StagedActivityRow {
		const row: StagedActivityRow = {
			line,
			newId: crypto.randomUUID(),
			customerId,
			ownerId: this.#meId,
			target: this.#target as StagedActivityRow['target'],
			draft: draft as InteractionImportDraft | OrderImportDraft
		};
		this.activities.push({ line, key: rowKey(row), customerId });
		return row;
	}
}
