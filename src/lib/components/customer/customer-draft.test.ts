import { describe, expect, it } from 'vitest';
import type { Customer } from '$lib/domain/customer/customer';
import { draftOf } from './customer-draft';

const customer: Customer = {
	id: 'c1',
	_meta: { created: { hlc: 'h', by: 'm' }, updated: 'h' },
	kind: 'person',
	name: '张三',
	company: 'ACME',
	phones: ['+8613812345678'],
	emails: ['a@b.cn'],
	wechat: 'zs',
	address: '',
	city: '上海',
	industry: '',
	source: 'referral',
	tier: 'A',
	stage: 'customer',
	tags: ['vip'],
	ownerId: 'm',
	birthday: '',
	needs: '',
	notes: '',
	createdAt: 1,
	lastContactAt: 2,
	trashedAt: null,
	demo: true,
	searchKeys: 'zhangsan zs'
};

describe('draftOf', () => {
	it('keeps only the editable fields', () => {
		const d = draftOf(customer);
		expect(Object.keys(d).sort()).toEqual(
			[
				'kind',
				'name',
				'company',
				'phones',
				'emails',
				'wechat',
				'address',
				'city',
				'industry',
				'source',
				'tier',
				'stage',
				'tags',
				'ownerId',
				'birthday',
				'needs',
				'notes'
			].sort()
		);
		expect(d.name).toBe('张三');
	});

	it('copies arrays so editing the draft leaves the customer alone', () => {
		const d = draftOf(customer);
		d.phones.push('+8613900000000');
		d.tags[0] = 'x';
		expect(customer.phones).toEqual(['+8613812345678']);
		expect(customer.tags).toEqual(['vip']);
	});
});
