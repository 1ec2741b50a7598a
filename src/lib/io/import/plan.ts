/**
 * What a checked customer file becomes, for the duplicate strategy the person picks:
 *
 * - skip:       a row that matches a stored customer (or an earlier row) is left out, so
 *               importing the same file twice never creates copies;
 * - fill:       the matched customer gets the file's values only in the fields it has empty;
 * - overwrite:  the matched customer takes the file's values;
 * - create:     every accepted row becomes a new customer.
 *
 * An update (fill or overwrite) writes only the fields the row gave a value for (the draft's
 * `fromFile`). A column the file does not map, an empty cell and a cell that could not be read
 * (a warning dropped it) all leave the stored value as it is: an import never clears a field, so
 * a file of names and phones cannot wipe anything else. The defaults a new customer starts with
 * (stage lead, source import, a kind guessed from the name) are for new customers only, and the
 * owner of a stored customer is never changed by an import (a name in the owner column that
 * matches no member would hand the customer to whoever imports).
 *
 * Staged rows are strategy-agnostic (the person may change the strategy after the check), so the
 * counts and the operations are both derived from them here. Pure: ids are assigned when staging.
 */
import type { ContactImportDraft, CustomerImportDraft, ImportedField } from '../csv/normalize';

export type DuplicateStrategy = 'skip' | 'fill' | 'overwrite' | 'create';

/** One accepted row, as staged. */
export interface StagedCustomerRow {
	line: number;
	/** The id this row's customer gets if it is created. */
	newId: string;
	/** For its contact person, if it has one. */
	contactId: string;
	draft: CustomerImportDraft;
	ownerId: string;
	/** A stored customer this row duplicates (first match), if any. */
	duplicateOf: string | null;
	/** An earlier row of the same file this one duplicates, if any. */
	duplicateOfLine: number | null;
}

export type PlannedOp =
	| { op: 'create'; table: 'customers' | 'contacts'; id: string; data: Record<string, unknown> }
	| {
			op: 'update';
			table: 'customers';
			id: string;
			patch: Record<string, unknown>;
			mode: 'fill' | 'overwrite';
	  };

export interface PlanCounts {
	new: number;
	updated: number;
	skipped: number;
}

/** The stored or earlier-row customer a row duplicates, resolved through earlier rows. */
function targetOf(row: StagedCustomerRow, earlier: ReadonlyMap<number, string>): string | null {
	if (row.duplicateOf) return row.duplicateOf;
	if (row.duplicateOfLine !== null) return earlier.get(row.duplicateOfLine) ?? null;
	return null;
}

/** Fields of a customer a file can set (derived and bookkeeping fields are not among them). */
function customerFields(d: CustomerImportDraft, ownerId: string) {
	return {
		kind: d.kind,
		name: d.name,
		company: d.company,
		phones: d.phones,
		emails: d.emails,
		wechat: d.wechat,
		address: d.address,
		city: d.city,
		industry: d.industry,
		source: d.source,
		tier: d.tier,
		stage: d.stage,
		tags: d.tags,
		ownerId,
		birthday: d.birthday,
		needs: d.needs,
		notes: d.notes
	};
}

const isEmpty = (v: unknown): boolean =>
	v === '' || v === null || v === undefined || (Array.isArray(v) && v.length === 0);

/** The fields an update writes: those the row gave a value for. */
export function updatePatch(d: CustomerImportDraft): Partial<Record<ImportedField, unknown>> {
	const all = customerFields(d, '');
	const patch: Partial<Record<ImportedField, unknown>> = {};
	for (const f of d.fromFile) if (!isEmpty(all[f])) patch[f] = all[f];
	return patch;
}

function contactData(c: ContactImportDraft, customerId: string) {
	return {
		customerId,
		name: c.name,
		title: c.title,
		phones: c.phones,
		emails: c.emails,
		wechat: '',
		isPrimary: true,
		notes: '',
		trashedAt: null
	};
}

/**
 * Operations for a batch of staged rows. `earlier` maps line → customer id of rows already
 * planned (this batch's rows are added to it), so a row duplicating an earlier row of the file
 * updates or skips that row's customer. `now` is the import time (createdAt).
 */
export function planRows(
	rows: readonly StagedCustomerRow[],
	strategy: DuplicateStrategy,
	earlier: Map<number, string>,
	now: number
): { ops: PlannedOp[]; counts: PlanCounts } {
	const ops: PlannedOp[] = [];
	const counts: PlanCounts = { new: 0, updated: 0, skipped: 0 };
	for (const row of rows) {
		const target = strategy === 'create' ? null : targetOf(row, earlier);
		if (target === null) {
			const fields = customerFields(row.draft, row.ownerId);
			ops.push({
				op: 'create',
				table: 'customers',
				id: row.newId,
				data: { ...fields, createdAt: now, lastContactAt: null, trashedAt: null }
			});
			if (row.draft.contact)
				ops.push({
					op: 'create',
					table: 'contacts',
					id: row.contactId,
					data: contactData(row.draft.contact, row.newId)
				});
			earlier.set(row.line, row.newId);
			counts.new++;
			continue;
		}
		earlier.set(row.line, target);
		if (strategy === 'skip') {
			counts.skipped++;
			continue;
		}
		ops.push({
			op: 'update',
			table: 'customers',
			id: target,
			patch: updatePatch(row.draft),
			mode: strategy === 'fill' ? 'fill' : 'overwrite'
		});
		counts.updated++;
	}
	return { ops, counts };
}

/**
 * The same counts from totals: `rows` accepted rows of which `duplicates` match a stored customer
 * or an earlier row (all a strategy changes is what becomes of the duplicates), so the page need
 * not keep a line per row of a million-row file.
 */
export function countTotals(
	rows: number,
	duplicates: number,
	strategy: DuplicateStrategy
): PlanCounts {
	if (strategy === 'create') return { new: rows, updated: 0, skipped: 0 };
	const skip = strategy === 'skip';
	return { new: rows - duplicates, updated: skip ? 0 : duplicates, skipped: skip ? duplicates : 0 };
}

/** For 'fill': the part of `patch` that lands on fields the stored record has empty. */
export function fillOnly(
	current: Record<string, unknown>,
	patch: Record<string, unknown>
): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(patch)) if (isEmpty(current[k])) out[k] = v;
	return out;
}
