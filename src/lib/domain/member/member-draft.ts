import { normalizeEmail, type EmailError } from '../customer/email';
import { normalizePhone, type PhoneError } from '../customer/phone';
import { parseIsoDate } from '../shared/dates';
import type { FieldError, IsoDate, Result } from '../shared/types';
import type { Member } from './member';

/** What the roster's form sets on a member (their level, line and status are dated records). */
export type MemberDraft = Pick<Member, 'name' | 'email' | 'phone' | 'region' | 'startDate'>;

export type MemberDraftError =
	| 'name_required'
	| 'name_too_long'
	| 'region_too_long'
	| 'start_date_invalid'
	| EmailError
	| Exclude<PhoneError, 'phone_empty'>;

export const MEMBER_NAME_MAX = 80;
const REGION_MAX = 80;

/** A member's draft checked and normalised: phone in E.164, email's domain in lower case. */
export function validateMemberDraft(d: MemberDraft): Result<MemberDraft, MemberDraftError> {
	const errors: FieldError<MemberDraftError>[] = [];
	const name = d.name.trim();
	if (!name) errors.push({ field: 'name', code: 'name_required' });
	else if (name.length > MEMBER_NAME_MAX) errors.push({ field: 'name', code: 'name_too_long' });
	let phone = '';
	if (d.phone.trim()) {
		const r = normalizePhone(d.phone);
		if (r.ok) phone = r.value;
		else if (r.code !== 'phone_empty') errors.push({ field: 'phone', code: r.code });
	}
	let email = '';
	if (d.email.trim()) {
		const r = normalizeEmail(d.email);
		if (r.ok) email = r.value;
		else errors.push({ field: 'email', code: r.code });
	}
	const region = d.region.trim();
	if (region.length > REGION_MAX) errors.push({ field: 'region', code: 'region_too_long' });
	const startDate: IsoDate = d.startDate.trim();
	if (startDate && !parseIsoDate(startDate))
		errors.push({ field: 'startDate', code: 'start_date_invalid' });
	if (errors.length) return { ok: false, errors };
	return { ok: true, value: { name, email, phone, region, startDate } };
}
