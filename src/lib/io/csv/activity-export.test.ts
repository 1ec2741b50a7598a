import { describe, expect, it } from 'vitest';
import type { Interaction } from '../../domain/interaction/interaction';
import type { Order } from '../../domain/order/order';
import importsEn from '../../i18n/messages/en/imports';
import importsZh from '../../i18n/messages/zh-CN/imports';
import {
	customerExportKey,
	formatAmount,
	interactionExportRows,
	orderExportRows
} from './activity-export';
import type { DuplicateCandidate } from '../../domain/customer/duplicates';
import { toCsv, type ExportEncoding } from './export';
import { concat, importAll } from './test-helpers';

const meta = { created: { hlc: '000000000000001:0000:d', by: 'm1' }, updated: '' };
const customers: DuplicateCandidate[] = [
	{ id: 'c1', kind: 'person', name: '王五', company: '', phones: ['+8613812345678'], emails: [] },
	{
		id: 'c2',
		kind: 'company',
		name: 'Acme, "Robotics"',
		company: '',
		phones: [],
		emails: ['buy@acme.example']
	},
	{ id: 'c3', kind: 'person', name: '𠀀䶮', company: '', phones: [], emails: [] }
];
const keyOf = (id: string) => customerExportKey(customers.find((c) => c.id === id)!);

const interactions: Interaction[] = [
	{
		id: 'i1',
		_meta: meta,
		customerId: 'c1',
		type: 'call',
		at: Date.UTC(2024, 2, 1, 2, 30),
		durationMinutes: 15,
		summary: '=SUM(A1) 介绍新品\n第二行',
		outcome: '-有意向',
		satisfaction: 4,
		nextFollowUp: '2024-03-08',
		ownerId: 'm1',
		trashedAt: null
	},
	{
		id: 'i2',
		_meta: meta,
		customerId: 'c3',
		type: 'wechat',
		at: Date.UTC(2024, 11, 31, 15, 59),
		durationMinutes: null,
		summary: '@all, "quoted"',
		outcome: '',
		satisfaction: null,
		nextFollowUp: null,
		ownerId: 'm1',
		trashedAt: null
	}
];

const orders: Order[] = [
	{
		id: 'o1',
		_meta: meta,
		customerId: 'c2',
		dealId: null,
		at: Date.UTC(2024, 0, 5, 1, 0),
		amount: { minor: -5000, currency: 'CNY' },
		products: ['退款'],
		notes: '+86 refund, "late"',
		ownerId: 'm1',
		trashedAt: null
	},
	{
		id: 'o2',
		_meta: meta,
		customerId: 'c1',
		dealId: null,
		at: Date.UTC(2024, 0, 6, 8, 15),
		amount: { minor: 123456789, currency: 'USD' },
		products: ['Widget', '维保服务'],
		notes: '',
		ownerId: 'm1',
		trashedAt: null
	},
	{
		id: 'o3',
		_meta: meta,
		customerId: 'c3',
		dealId: null,
		at: Date.UTC(2024, 0, 7, 0, 0),
		amount: { minor: 5, currency: 'CNY' },
		products: [],
		notes: '',
		ownerId: 'm1',
		trashedAt: null
	}
];

const importsMessages: Record<'en' | 'zh', Record<string, string>> = {
	en: importsEn,
	zh: importsZh
};
const labels = (lang: 'en' | 'zh') => (f: string) => importsMessages[lang][`field_${f}`] ?? f;

const bytesOf = (rows: string[][], encoding: ExportEncoding) => concat(toCsv(rows, { encoding }));

describe('interaction and order export → import', () => {
	it('formats amounts in major units, sign kept', () => {
		expect(formatAmount(-5000, 'CNY')).toBe('-50.00');
		expect(formatAmount(5, 'CNY')).toBe('0.05');
		expect(formatAmount(-7, 'JPY')).toBe('-7');
	});

	for (const encoding of ['utf-8-bom', 'gb18030'] as const)
		for (const lang of ['en', 'zh'] as const) {
			it(`interactions come back the same, linked to their customers (${encoding}, ${lang})`, async () => {
				const rows = interactionExportRows(interactions, labels(lang), keyOf, 480);
				const o = await importAll<'interaction'>(bytesOf(rows, encoding), {
					target: 'interaction',
					existing: customers,
					utcOffsetMinutes: 480
				});
				expect(o.rows.map((r) => r.issues)).toEqual([[], []]);
				expect(o.rows.map((r) => r.customerId)).toEqual(['c1', 'c3']);
				for (const [n, i] of interactions.entries()) {
					const { customerKey: _k, ...draft } = o.rows[n]!.draft!;
					const { id: _i, _meta, customerId: _c, ownerId: _o, trashedAt: _t, ...want } = i;
					expect(draft).toEqual(want);
				}
			});

			it(`orders come back the same, a -50 refund included (${encoding}, ${lang})`, async () => {
				const rows = orderExportRows(orders, labels(lang), keyOf, 480);
				const o = await importAll<'order'>(bytesOf(rows, encoding), {
					target: 'order',
					existing: customers,
					utcOffsetMinutes: 480
				});
				expect(o.rows.map((r) => r.issues)).toEqual([[], [], []]);
				expect(o.rows.map((r) => r.customerId)).toEqual(['c2', 'c1', 'c3']);
				for (const [n, want] of orders.entries()) {
					const d = o.rows[n]!.draft!;
					expect(d.at).toBe(want.at);
					expect(d.amount).toEqual(want.amount);
					expect(d.products).toEqual(want.products);
					expect(d.notes).toBe(want.notes);
				}
			});
		}

	it('rejects a row whose customer is unknown or ambiguous, keeping its cells', async () => {
		const csv =
			'客户,日期,金额\n王五,2024-01-05,100\n李四,2024-01-05,200\nnobody@x.cn,2024-01-05,3\n';
		const o = await importAll<'order'>(new TextEncoder().encode(csv), {
			target: 'order',
			existing: [...customers, { ...customers[0]!, id: 'c9', phones: [] }]
		});
		expect(o.rows.map((r) => [r.line, r.draft === null, r.issues.map((i) => i.code)])).toEqual([
			[2, true, ['customer_ambiguous']],
			[3, true, ['customer_not_found']],
			[4, true, ['customer_not_found']]
		]);
		expect(o.rows[1]?.cells).toEqual(['李四', '2024-01-05', '200']);
	});
});
