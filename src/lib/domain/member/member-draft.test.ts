import { describe, expect, it } from 'vitest';
import { validateMemberDraft, type MemberDraft } from './member-draft';

const draft = (over: Partial<MemberDraft> = {}): MemberDraft => ({
	name: '李娜',
	email: '',
	phone: '',
	region: '',
	startDate: '',
	...over
});

describe('validateMemberDraft', () => {
	it('keeps a name alone, trimmed', () => {
		expect(validateMemberDraft(draft({ name: '  李娜 ' }))).toEqual({
			ok: true,
			value: draft()
		});
	});

	it('normalises the phone and the email', () => {
		const r = validateMemberDraft(
			draft({ phone: '138 1234 5678', email: 'Li.Na@Example.COM', region: ' 华东 ' })
		);
		expect(r).toEqual({
			ok: true,
			value: draft({
				phone: '+8613812345678',
				email: 'Li.Na@example.com',
				region: '华东'
			})
		});
	});

	it('names every bad field', () => {
		const r = validateMemberDraft({
			name: ' ',
			phone: '12',
			email: 'li.na@',
			region: 'x'.repeat(81),
			startDate: '2024-02-30'
		});
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors.map((e) => `${e.field}:${e.code}`).sort()).toEqual([
			'email:email_invalid',
			'name:name_required',
			'phone:phone_too_short',
			'region:region_too_long',
			'startDate:start_date_invalid'
		]);
	});

	it('refuses a name longer than a roster shows', () => {
		const r = validateMemberDraft(draft({ name: '李'.repeat(81) }));
		expect(r).toEqual({ ok: false, errors: [{ field: 'name', code: 'name_too_long' }] });
	});
});
