import { describe, expect, it } from 'vitest';
import type { Customer } from '../../domain/customer/customer';
import { emptyCustomerDraft } from '../../domain/customer/empty';
import { importCsv } from './codec';
import {
	CUSTOMER_EXPORT_FIELDS,
	CUSTOMER_LIST_FIELDS,
	customerExportRows,
	customerListRows
} from './customer-export';
import { rowOf } from '../../list/packed-customer-rows';
import { toCsv } from './export';
import type { CustomerImportDraft } from './normalize';

const customer = (p: Partial<Customer>): Customer => ({
	...emptyCustomerDraft('m1'),
	id: crypto.randomUUID(),
	_meta: { created: { hlc: '000000000000001:0000:d', by: 'm1' }, updated: '' },
	createdAt: 0,
	lastContactAt: null,
	trashedAt: null,
	searchKeys: '',
	...p
});

const customers = [
	customer({
		name: '王五',
		kind: 'person',
		company: '北京某某科技有限公司',
		phones: ['+8613812345678', '+861062345678'],
		emails: ['Wang.Wu@example.com'],
		wechat: 'wangwu_88',
		address: '北京市朝阳区建国路 1 号\n3 层',
		city: '北京',
		industry: '制造业',
		source: 'referral',
		tier: 'A',
		stage: 'customer',
		tags: ['VIP', '华北'],
		birthday: '1985-02-03',
		needs: '=SUM(A1:A2) 年度维保',
		notes: '-50 退款; "加急"'
	}),
	customer({
		name: 'Acme Robotics',
		kind: 'company',
		phones: ['+14155552671'],
		tier: '',
		stage: 'lead'
	})
];

async function roundTrip(labels: (f: string) => string, encoding: 'utf-8-bom' | 'gb18030') {
	const rows = customerExportRows(customers, labels, () => '李经理');
	const bytes = new Blob([...toCsv(rows, { encoding })] as BlobPart[]);
	const drafts: CustomerImportDraft[] = [];
	for await (const ev of importCsv(bytes, { target: 'customer' })) {
		if (ev.kind === 'batch')
			for (const r of ev.rows) if (r.draft) drafts.push(r.draft as CustomerImportDraft);
		if (ev.kind === 'refused' || ev.kind === 'failed') throw new Error(ev.code);
	}
	return drafts;
}

describe('customer export → import', () => {
	for (const encoding of ['utf-8-bom', 'gb18030'] as const)
		for (const [lang, labels] of [
			['en', (f: string) => ({ phone: 'Phone', email: 'Email', owner: 'Owner' })[f] ?? f],
			[
				'zh',
				(f: string) =>
					({
						name: '名称',
						phone: '电话',
						email: '邮箱',
						city: '城市',
						tags: '标签',
						owner: '客户经理',
						birthday: '生日',
						notes: '备注',
						needs: '需求',
						company: '公司',
						tier: '等级',
						stage: '阶段',
						kind: '个人或企业',
						source: '来源渠道',
						address: '地址',
						industry: '行业',
						wechat: '微信'
					})[f] ?? f
			]
		] as const)
			it(`reproduces every field (${encoding}, ${lang} headers)`, async () => {
				const drafts = await roundTrip(labels, encoding);
				expect(drafts).toHaveLength(2);
				for (const [i, c] of customers.entries()) {
					const d = drafts[i]!;
					for (const f of CUSTOMER_EXPORT_FIELDS) {
						if (f === 'owner') expect(d.ownerName).toBe('李经理');
						else if (f === 'phone') expect(d.phones).toEqual(c.phones);
						else if (f === 'email') expect(d.emails).toEqual(c.emails);
						else expect(d[f], `${f}`).toEqual(c[f]);
					}
				}
			});
});

describe('customerListRows', () => {
	it('writes the list columns from the in-memory rows, lists joined as the importer splits them', () => {
		const rows = customerListRows(
			customers.map((c, i) => rowOf({ ...c, lastContactAt: i === 0 ? 86_400_000 : null })),
			(f) => f.toUpperCase(),
			(id) => (id === 'm1' ? '李经理' : id),
			(at) => `day ${at / 86_400_000}`
		);
		expect(rows[0]).toEqual(CUSTOMER_LIST_FIELDS.map((f) => f.toUpperCase()));
		expect(rows[1]).toEqual([
			'王五',
			'北京某某科技有限公司',
			'A',
			'customer',
			'北京',
			'+8613812345678; +861062345678',
			'李经理',
			'day 1',
			'VIP; 华北'
		]);
		expect(rows[2]?.[7]).toBe('');
		expect(rows).toHaveLength(customers.length + 1);
	});
});
