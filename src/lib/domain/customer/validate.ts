import { DAY_MS, civilDateStart, parseIsoDate } from '../shared/dates';
import type { FieldError, Result } from '../shared/types';
import {
	CUSTOMER_KINDS,
	LIFECYCLE_STAGES,
	SOURCE_CHANNELS,
	TIERS,
	type ContactPerson,
	type CustomerDraft
} from './customer';
import { normalizeEmail } from './email';
import { normalizePhone, type PhoneError } from './phone';

export type CustomerError =
	| 'name_required'
	| 'name_too_long'
	| 'field_too_long'
	| 'kind_invalid'
	| 'tier_invalid'
	| 'stage_invalid'
	| 'source_invalid'
	| 'birthday_invalid'
	| 'email_invalid'
	| 'duplicate_email'
	| 'duplicate_phone'
	| PhoneError;

export const NAME_MAX = 200;
const SHORT_MAX = 200;
const ADDRESS_MAX = 500;
/** Needs and notes: as long as an import cell may be (io/csv/text.ts MAX_CELL). */
const LONG_MAX = 100_000;
const TAG_MAX = 50;

const has = <T extends string>(list: readonly T[], v: string): v is T =>
	(list as readonly string[]).includes(v);

/** A real calendar date `YYYY-MM-DD` between 1900 and today. */
export function isValidBirthday(s: string, now: number): boolean {
	const d = parseIsoDate(s);
	return d !== null && d.year >= 1900 && civilDateStart(d, 0) <= now + DAY_MS;
}

/** Normalises a list of phones; errors are reported on `${field}.${index}`. */
export function checkPhones(
	raw: readonly string[],
	field: string,
	errors: FieldError<CustomerError>[]
): string[] {
	const out: string[] = [];
	raw.forEach((p, i) => {
		if (!p.trim()) return;
		const r = normalizePhone(p);
		if (!r.ok) errors.push({ field: `${field}.${i}`, code: r.code });
		else if (out.includes(r.value))
			errors.push({ field: `${field}.${i}`, code: 'duplicate_phone' });
		else out.push(r.value);
	});
	return out;
}

export function checkEmails(
	raw: readonly string[],
	field: string,
	errors: FieldError<CustomerError>[]
): string[] {
	const out: string[] = [];
	raw.forEach((e, i) => {
		if (!e.trim()) return;
		const r = normalizeEmail(e);
		if (!r.ok) errors.push({ field: `${field}.${i}`, code: r.code });
		else if (out.some((x) => x.toLowerCase() === r.value.toLowerCase()))
			errors.push({ field: `${field}.${i}`, code: 'duplicate_email' });
		else out.push(r.value);
	});
	return out;
}

function checkLength(
	value: string,
	field: string,
	max: number,
	errors: FieldError<CustomerError>[]
): string {
	const v = value.trim();
	if (v.length > max) errors.push({ field, code: 'field_too_long' });
	return v;
}

/** Checks and normalises what the customer form (or an import) wants to store. */
export function validateCustomerDraft(
	d: CustomerDraft,
	now: number
): Result<CustomerDraft, CustomerError> {
	const errors: FieldError<CustomerError>[] = [];
	const name = d.name.trim();
	if (!name) errors.push({ field: 'name', code: 'name_required' });
	else if (name.length > NAME_MAX) errors.push({ field: 'name', code: 'name_too_long' });
	if (!has(CUSTOMER_KINDS, d.kind)) errors.push({ field: 'kind', code: 'kind_invalid' });
	if (d.tier !== '' && !has(TIERS, d.tier)) errors.push({ field: 'tier', code: 'tier_invalid' });
	if (!has(LIFECYCLE_STAGES, d.stage)) errors.push({ field: 'stage', code: 'stage_invalid' });
	if (d.source !== '' && !has(SOURCE_CHANNELS, d.source))
		errors.push({ field: 'source', code: 'source_invalid' });
	const birthday = d.birthday.trim();
	if (birthday && !isValidBirthday(birthday, now))
		errors.push({ field: 'birthday', code: 'birthday_invalid' });
	const phones = checkPhones(d.phones, 'phones', errors);
	const emails = checkEmails(d.emails, 'emails', errors);
	const tags = [...new Set(d.tags.map((t) => t.trim()).filter(Boolean))];
	if (tags.some((t) => t.length > TAG_MAX)) errors.push({ field: 'tags', code: 'field_too_long' });
	const value: CustomerDraft = {
		kind: d.kind,
		name,
		company: checkLength(d.company, 'company', SHORT_MAX, errors),
		phones,
		emails,
		wechat: checkLength(d.wechat, 'wechat', SHORT_MAX, errors),
		address: checkLength(d.address, 'address', ADDRESS_MAX, errors),
		city: checkLength(d.city, 'city', SHORT_MAX, errors),
		industry: checkLength(d.industry, 'industry', SHORT_MAX, errors),
		source: d.source,
		tier: d.tier,
		stage: d.stage,
		tags,
		ownerId: d.ownerId,
		birthday,
		needs: checkLength(d.needs, 'needs', LONG_MAX, errors),
		notes: checkLength(d.notes, 'notes', LONG_MAX, errors)
	};
	return errors.length ? { ok: false, errors } : { ok: true, value };
}

export type ContactDraftFields = Omit<
	ContactPerson,
	'id' | '_meta' | 'customerId' | 'trashedAt' | 'demo'
>;

export function validateContactDraft(
	d: ContactDraftFields
): Result<ContactDraftFields, CustomerError> {
	const errors: FieldError<CustomerError>[] = [];
	const name = d.name.trim();
	if (!name) errors.push({ field: 'name', code: 'name_required' });
	else if (name.length > NAME_MAX) errors.push({ field: 'name', code: 'name_too_long' });
	const value: ContactDraftFields = {
		name,
		title: checkLength(d.title, 'title', SHORT_MAX, errors),
		phones: checkPhones(d.phones, 'phones', errors),
		emails: checkEmails(d.emails, 'emails', errors),
		wechat: checkLength(d.wechat, 'wechat', SHORT_MAX, errors),
		isPrimary: d.isPrimary,
		notes: checkLength(d.notes, 'notes', LONG_MAX, errors)
	};
	return errors.length ? { ok: false, errors } : { ok: true, value };
}
