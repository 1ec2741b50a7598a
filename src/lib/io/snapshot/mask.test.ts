import { describe, expect, it } from 'vitest';
import { normalizeEmail } from '../../domain/customer/email';
import {
	maskEmail,
	maskerFor,
	maskIdNumber,
	maskPhone,
	maskPlan,
	maskRecord,
	maskText,
	maskValue
} from './mask';

describe('masks', () => {
	it('phones keep only their last digits, counted in the national form', () => {
		expect(maskPhone('+8613800138000')).toBe('*******8000');
		expect(maskPhone('+86-10-12345678')).toBe('*******5678');
		expect(maskPhone('+861062345678')).toBe('*******5678'); // as normalizePhone stores it
		expect(maskPhone('+867558888123')).toBe('*******8123');
		expect(maskPhone('+14155552671')).toBe('*******2671');
		expect(maskPhone('12345678')).toBe('******78');
		expect(maskPhone('12345')).toBe('*****');
		expect(maskPhone('')).toBe('');
	});

	it('emails keep the first letter and the domain', () => {
		expect(maskEmail('zhangsan@example.com')).toBe('z***@example.com');
		expect(maskEmail('a@b.cn')).toBe('a***@b.cn');
	});

	it('ID numbers keep the region prefix and the last four', () => {
		expect(maskIdNumber('110101199003071234')).toBe('110***********1234');
		expect(maskIdNumber('11010119900307123X')).toBe('110***********123X');
		expect(maskIdNumber('1234567')).toBe('*******');
	});

	it('other text keeps its first character; empty stays empty', () => {
		expect(maskText('张三丰')).toBe('张***');
		expect(maskText('😀abc')).toBe('😀***');
		expect(maskText('')).toBe('');
	});

	it('picks the masker from the field name, element by element for lists', () => {
		expect(maskerFor('phones')).toBe(maskPhone);
		expect(maskerFor('emails')).toBe(maskEmail);
		expect(maskerFor('idNumber')).toBe(maskIdNumber);
		expect(maskerFor('address')).toBe(maskText);
		expect(maskValue('phones', ['+8613800138000', 5])).toEqual(['*******8000', null]);
		expect(maskValue('notes', '')).toBe('');
		expect(maskValue('amount', { minor: 1, currency: 'CNY' })).toBeNull();
	});

	it('masks a record where the fields sit, top level or _extra, without touching the input', () => {
		const rec = {
			id: 'c1',
			phones: ['+8613800138000'],
			name: '张三',
			_extra: { idNumber: '110101199003071234' }
		};
		const plan = maskPlan(['customers.phones', 'customers.idNumber', 'contacts.phones']);
		const out = maskRecord(rec, plan.get('customers') ?? new Set());
		expect(out).toEqual({
			id: 'c1',
			phones: ['*******8000'],
			name: '张三',
			_extra: { idNumber: '110***********1234' }
		});
		expect(rec.phones).toEqual(['+8613800138000']);
		expect([...(plan.get('contacts') ?? [])]).toEqual(['phones']);
		expect(maskPlan(['customers.__proto__', 'nodot']).size).toBe(0);
	});
});

describe('masks that cannot be guessed and keep the field’s kind', () => {
	it('a phone keeps no more than its last four digits', () => {
		expect(maskPhone('+8613800138000')).toBe('*******8000');
		for (const phone of [
			'+8613800138000',
			'+861062345678',
			'+867558888123',
			'+14155552671',
			'0755-8888-1234',
			'+8613800138000;ext=12',
			'12345',
			'1'
		]) {
			const shown = maskPhone(phone).replace(/\D/g, '');
			expect(shown.length, phone).toBeLessThanOrEqual(4);
			expect(
				phone
					.replace(/;ext=\d+$/, '')
					.replace(/\D/g, '')
					.endsWith(shown),
				phone
			).toBe(true);
		}
	});

	it('an email keeps a valid shape, or becomes empty when it had none', () => {
		for (const email of ['zhangsan@example.com', 'a@b.cn', 'Wang.Wu+crm@Mail.Example.org'])
			expect(normalizeEmail(maskEmail(email)).ok, email).toBe(true);
		expect(maskEmail('no-at-sign')).toBe('');
		expect(maskEmail('@example.com')).toBe('');
	});
});
