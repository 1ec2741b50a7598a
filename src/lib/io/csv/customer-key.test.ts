import { describe, expect, it } from 'vitest';
import { CustomerKeyIndex } from './customer-key';
import { createPhoneNormalizer } from './phone-cache';

const index = new CustomerKeyIndex(
	[
		{ id: 'c1', name: '王五', phones: ['+8613812345678'], emails: ['Wang.Wu@Example.com'] },
		{ id: 'c2', name: '张伟', phones: ['+861062345678;ext=12'], emails: [] },
		{ id: 'c3', name: '张伟', phones: [], emails: ['zw2@example.cn'] },
		{ id: 'c4', name: 'Acme Robotics', phones: [], emails: [] }
	],
	createPhoneNormalizer('CN')
);

describe('CustomerKeyIndex', () => {
	it('links by id, email (any case), phone as written, or name', () => {
		expect(index.resolve('c3')).toEqual({ ok: true, id: 'c3' });
		expect(index.resolve(' wang.wu@example.COM ')).toEqual({ ok: true, id: 'c1' });
		expect(index.resolve('138 1234 5678')).toEqual({ ok: true, id: 'c1' });
		expect(index.resolve('+86 138-1234-5678')).toEqual({ ok: true, id: 'c1' });
		expect(index.resolve('010-62345678')).toEqual({ ok: true, id: 'c2' });
		expect(index.resolve('王五')).toEqual({ ok: true, id: 'c1' });
		expect(index.resolve('acme  robotics')).toEqual({ ok: true, id: 'c4' });
	});

	it('refuses a name shared by several customers rather than guessing', () => {
		expect(index.resolve('张伟')).toEqual({ ok: false, code: 'customer_ambiguous' });
		expect(index.resolve('zw2@example.cn')).toEqual({ ok: true, id: 'c3' });
	});

	it('says when nothing matches', () => {
		expect(index.resolve('李四')).toEqual({ ok: false, code: 'customer_not_found' });
		expect(index.resolve('nobody@example.com')).toEqual({ ok: false, code: 'customer_not_found' });
		expect(index.resolve('13900000000')).toEqual({ ok: false, code: 'customer_not_found' });
		expect(index.resolve('')).toEqual({ ok: false, code: 'customer_not_found' });
	});
});
