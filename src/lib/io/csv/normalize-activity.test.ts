import { describe, expect, it } from 'vitest';
import { createInteractionNormalizer, createOrderNormalizer } from './normalize-activity';

describe('createInteractionNormalizer', () => {
	const norm = createInteractionNormalizer(
		[
			'customerKey',
			'type',
			'at',
			'durationMinutes',
			'summary',
			'outcome',
			'satisfaction',
			'nextFollowUp'
		],
		{ utcOffsetMinutes: 480 }
	);

	it('reads a logged call', () => {
		const r = norm([
			'张伟',
			'电话',
			'2024-03-01 10:30',
			'15',
			'介绍新品',
			'有意向',
			'4',
			'2024/3/8'
		]);
		expect(r).toEqual({
			draft: {
				customerKey: '张伟',
				type: 'call',
				at: Date.UTC(2024, 2, 1, 2, 30),
				durationMinutes: 15,
				summary: '介绍新品',
				outcome: '有意向',
				satisfaction: 4,
				nextFollowUp: '2024-03-08'
			},
			issues: []
		});
	});

	it('rejects rows without a customer or a readable date, and warns about the rest', () => {
		expect(norm(['', '电话', '2024-03-01', '', '', '', '', '']).issues).toEqual([
			{ field: 'customerKey', code: 'customer_key_missing', severity: 'error' }
		]);
		expect(norm(['A', '', '', '', '', '', '', '']).draft).toBeNull();
		const r = norm(['A', '心灵感应', '2024-03-01', 'long', '', '', '9', 'soon']);
		expect(r.draft).toMatchObject({
			type: 'other',
			durationMinutes: null,
			satisfaction: null,
			nextFollowUp: null
		});
		expect(r.issues.map((i) => i.code)).toEqual([
			'type_unknown',
			'satisfaction_invalid',
			'number_invalid',
			'date_invalid'
		]);
	});
});

describe('createOrderNormalizer', () => {
	const norm = createOrderNormalizer(
		['customerKey', 'orderNo', 'date', 'amount', 'currency', 'product', 'quantity', 'note'],
		{ utcOffsetMinutes: 480 }
	);

	it('reads amounts in minor units with the currency from the cell or the column', () => {
		const r = norm(['某某科技', 'SO-1', '2024年1月5日', '¥1.2万', '', '打印机、墨盒', '3', '']);
		expect(r.draft).toEqual({
			customerKey: '某某科技',
			orderNo: 'SO-1',
			at: Date.UTC(2024, 0, 4, 16),
			amount: { minor: 1_200_000, currency: 'CNY' },
			products: ['打印机', '墨盒'],
			quantity: 3,
			notes: ''
		});
		expect(norm(['A', '', '2024-01-05', '1,234.50', 'usd', '', '', '']).draft?.amount).toEqual({
			minor: 123450,
			currency: 'USD'
		});
		expect(norm(['A', '', '2024-01-05', '500', 'JPY', '', '', '']).draft?.amount).toEqual({
			minor: 500,
			currency: 'JPY'
		});
	});

	it('rejects an order without an amount or with an unreadable one', () => {
		expect(norm(['A', '', '2024-01-05', '', '', '', '', '']).issues).toEqual([
			{ field: 'amount', code: 'amount_missing', severity: 'error' }
		]);
		expect(norm(['A', '', '2024-01-05', 'lots', '', '', '', '']).draft).toBeNull();
	});
});
