import { describe, expect, it } from 'vitest';
import { emptyCustomerDraft } from './empty';
import { validateContactDraft, validateCustomerDraft } from './validate';

const NOW = Date.UTC(2026, 10, 22);

describe('validateCustomerDraft', () => {
	it('normalises phones, emails, tags and trims text', () => {
		const r = validateCustomerDraft(
			{
				...emptyCustomerDraft('m1'),
				name: '  张三 ',
				phones: ['138 1234 5678', '', '010-62345678'],
				emails: [' Zhang@Example.COM '],
				tags: [' vip', 'vip', '', '华东']
			},
			NOW
		);
		expect(r).toMatchObject({
			ok: true,
			value: {
				name: '张三',
				phones: ['+8613812345678', '+861062345678'],
				emails: ['Zhang@example.com'],
				tags: ['vip', '华东']
			}
		});
	});

	it('reports every problem with its field and code', () => {
		const r = validateCustomerDraft(
			{
				...emptyCustomerDraft('m1'),
				name: ' ',
				phones: ['12', '13812345678', '+86 138 1234 5678'],
				emails: ['nope', 'a@b.cn', 'A@B.CN'],
				birthday: '2025-02-30',
				// @ts-expect-error an imported or tampered value
				tier: 'Z',
				notes: 'x'.repeat(100_001)
			},
			NOW
		);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors).toEqual(
			expect.arrayContaining([
				{ field: 'name', code: 'name_required' },
				{ field: 'phones.0', code: 'phone_too_short' },
				{ field: 'phones.2', code: 'duplicate_phone' },
				{ field: 'emails.0', code: 'email_invalid' },
				{ field: 'emails.2', code: 'duplicate_email' },
				{ field: 'birthday', code: 'birthday_invalid' },
				{ field: 'tier', code: 'tier_invalid' },
				{ field: 'notes', code: 'field_too_long' }
			])
		);
	});

	it('refuses a birthday in the future or before 1900', () => {
		const d = { ...emptyCustomerDraft('m1'), name: 'A' };
		expect(validateCustomerDraft({ ...d, birthday: '2030-01-01' }, NOW).ok).toBe(false);
		expect(validateCustomerDraft({ ...d, birthday: '1899-12-31' }, NOW).ok).toBe(false);
		expect(validateCustomerDraft({ ...d, birthday: '1990-02-28' }, NOW).ok).toBe(true);
	});
});

describe('validateContactDraft', () => {
	it('needs a name and checks phones', () => {
		const r = validateContactDraft({
			name: '',
			title: '',
			phones: ['abc'],
			emails: [],
			wechat: '',
			isPrimary: false,
			notes: ''
		});
		expect(r).toEqual({
			ok: false,
			errors: [
				{ field: 'name', code: 'name_required' },
				{ field: 'phones.0', code: 'phone_invalid' }
			]
		});
	});
});
