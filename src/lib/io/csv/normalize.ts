/**
 * One CSV row → a customer draft plus issues (codes with the field they concern).
 *
 * Rules (why): a row is rejected only when it cannot become a customer at all — no name
 * (`name_missing`; a company or contact name stands in when the name column is empty) — or when
 * a mapped cell is over 100,000 characters (`cell_too_long`). Everything else is a warning and the
 * value is dropped or defaulted, because losing a whole customer over one mistyped phone is
 * worse than importing them without that phone; the warning carries the raw text so the person
 * can fix it. Cell text is stored as typed (trimmed): `<script>` or `javascript:` stay plain text.
 */
import type { CountryCode } from 'libphonenumber-js';
import type { CustomerDraft, LifecycleStage } from '../../domain/customer/customer';
import { emailKey, normalizeEmail } from '../../domain/customer/email';
import { MERGE_FIELDS } from '../../domain/customer/merge-plan';
import type { PhoneError, PhoneResult } from '../../domain/customer/phone';
import { RowCells, type CellIssueCode } from './cells';
import { parseDate, type DateOrder } from './dates';
import { createPhoneNormalizer } from './phone-cache';
import { parseKind, parseSource, parseStage, parseTier } from './enums';
import type { ColumnMapping } from './fields';
import { columnsByField, type FieldIssue } from './issues';
import { combineName, looksLikeCompany, splitList, unique, uniqueBy } from './text';

export type CustomerIssueCode =
	| CellIssueCode
	| 'name_missing'
	| PhoneError
	| 'email_invalid'
	| 'date_invalid'
	| 'date_ambiguous'
	| 'kind_unknown'
	| 'tier_unknown'
	| 'stage_unknown'
	| 'source_unknown';

export interface ContactImportDraft {
	name: string;
	/** For a person customer without a contact name: their own job title. */
	title: string;
	phones: string[];
	emails: string[];
}

/** The customer fields an import may write to a stored customer (the owner is never one). */
export type ImportedField = Exclude<keyof CustomerDraft, 'ownerId'>;

/** Every ImportedField: a customer's fields but its owner, in the order the wizard lists them. */
export const IMPORTED_FIELDS: readonly ImportedField[] = MERGE_FIELDS.filter(
	(f): f is ImportedField => f !== 'ownerId'
);

/** The owner is a name from the file; the app resolves it to a member id. */
export interface CustomerImportDraft extends Omit<CustomerDraft, 'ownerId'> {
	ownerName: string;
	contact: ContactImportDraft | null;
	/**
	 * The fields this row's cells gave a value for. An update of a stored customer writes only
	 * these; the draft's other values are what a new customer starts with (stage lead, source
	 * import, a kind guessed from the name …) and never reach a stored one.
	 */
	fromFile: ImportedField[];
}

export interface NormalizeOptions {
	/** Region for phone numbers written without a country code. */
	region?: CountryCode;
	dateOrder?: DateOrder;
	/** Stage for rows without one. */
	defaultStage?: LifecycleStage;
}

export interface NormalizedRow<D> {
	draft: D | null;
	issues: FieldIssue[];
}

const isBlank = (v: unknown): boolean => v === '' || (Array.isArray(v) && v.length === 0);

/** Google Contacts' built-in groups are not labels a person chose. */
const SYSTEM_LABELS = new Set(['mycontacts', 'starred']);

/** "13812345678/13912345678" is two numbers; "010-1234567/8" (a short tail) is not split. */
function splitSlashes(s: string): string[] {
	if (!s.includes('/')) return [s];
	const parts = s.split(/\s*\/\s*/);
	return parts.length > 1 && parts.every((p) => p.replace(/\D/g, '').length >= 7) ? parts : [s];
}

function phones(
	row: RowCells,
	field: string,
	normalizePhone: (raw: string) => PhoneResult
): string[] {
	const out: string[] = [];
	for (const raw of row.all(field).flatMap(splitList).flatMap(splitSlashes)) {
		const r = normalizePhone(raw);
		if (r.ok) out.push(r.value);
		else row.warn(field, r.code, raw);
	}
	return unique(out);
}

function emails(row: RowCells, field: string): string[] {
	const out: string[] = [];
	const cells = row.all(field).flatMap(splitList);
	for (const raw of cells.length === 1 && !/\s/.test(cells[0] ?? '')
		? cells
		: cells.flatMap((s) => s.split(/\s+/))) {
		const r = normalizeEmail(raw);
		if (r.ok) out.push(r.value);
		else row.warn(field, r.code, raw);
	}
	return uniqueBy(out, emailKey);
}

function enumField<T>(
	row: RowCells,
	field: string,
	parse: (s: string) => T | null,
	code: string
): T | null {
	const raw = row.one(field);
	if (!raw) return null;
	const v = parse(raw);
	if (v === null) row.warn(field, code, raw);
	return v;
}

export function createCustomerNormalizer(
	mapping: ColumnMapping<'customer'>,
	options: NormalizeOptions = {}
): (cells: readonly string[]) => NormalizedRow<CustomerImportDraft> {
	const columns = columnsByField(mapping);
	// Without a source column, customers are marked as imported; with one, an empty cell stays
	// empty, so that an exported file imports back exactly as it was.
	const hasSourceColumn = mapping.includes('source');
	const phone = createPhoneNormalizer(options.region ?? 'CN');
	return (cells) => {
		const row = new RowCells(cells, columns);
		const company = row.one('company');
		const contactName = row.one('contactName');
		const named = row.one('name') || combineName(row.one('firstName'), row.one('lastName'));
		let name = named;
		const kindRaw = enumField(row, 'kind', parseKind, 'kind_unknown');
		let kind = kindRaw ?? (contactName || looksLikeCompany(name) ? 'company' : 'person');
		if (!name && company) [name, kind] = [company, kindRaw ?? 'company'];
		if (!name) row.fail('name', 'name_missing');

		const birthdayRaw = row.one('birthday');
		let birthday = '';
		if (birthdayRaw) {
			const d = parseDate(birthdayRaw, options.dateOrder);
			if (!d.ok) row.warn('birthday', d.code, birthdayRaw);
			else {
				birthday = d.value;
				if (d.ambiguous) row.warn('birthday', 'date_ambiguous', birthdayRaw);
			}
		}
		const tags = uniqueBy(
			row
				.all('tags')
				.flatMap(splitList)
				.map((t) => t.replace(/^\*\s*/, '').replace(/^#/, ''))
				.filter((t) => t && !SYSTEM_LABELS.has(t.toLowerCase())),
			(t) => t.toLowerCase()
		);
		const contact: ContactImportDraft = {
			name: contactName,
			title: row.one('contactTitle'),
			phones: phones(row, 'contactPhone', phone),
			emails: emails(row, 'contactEmail')
		};
		const hasContact = Boolean(
			contact.name || contact.title || contact.phones.length || contact.emails.length
		);
		// In this order, so that a row's warnings read in the order of its fields.
		const phoneList = phones(row, 'phone', phone);
		const emailList = emails(row, 'email');
		const source = enumField(row, 'source', parseSource, 'source_unknown');
		const tier = enumField(row, 'tier', parseTier, 'tier_unknown');
		const stage = enumField(row, 'stage', parseStage, 'stage_unknown');
		const values: Omit<CustomerImportDraft, 'ownerName' | 'contact' | 'fromFile'> = {
			kind,
			name,
			company: kind === 'company' && company === name ? '' : company,
			phones: phoneList,
			emails: emailList,
			wechat: row.one('wechat'),
			address: row.all('address').join('\n'),
			city: row.one('city'),
			industry: row.one('industry'),
			source: source ?? (row.one('source') ? 'other' : hasSourceColumn ? '' : 'import'),
			tier: tier ?? '',
			stage: stage ?? options.defaultStage ?? 'lead',
			tags,
			birthday,
			needs: row.all('needs').join('\n'),
			notes: row.all('notes').join('\n')
		};
		// What the cells said, as opposed to what a new customer is given when they say nothing:
		// a kind guessed from the name, the company standing in for a missing name, stage and
		// source defaults. An empty or unreadable cell is no value either.
		const defaulted: Partial<Record<ImportedField, boolean>> = {
			kind: kindRaw === null,
			name: !named,
			source: source === null && !row.one('source'),
			stage: stage === null
		};
		const fromFile = IMPORTED_FIELDS.filter((f) => !defaulted[f] && !isBlank(values[f]));
		const draft: CustomerImportDraft = {
			...values,
			ownerName: row.one('owner'),
			contact: hasContact ? contact : null,
			fromFile
		};
		return { draft: row.rejected ? null : draft, issues: row.issues };
	};
}
