import { describe, expect, it } from 'vitest';
import type { Deal } from '$lib/domain/deal/deal';
import { DEFAULT_STAGES } from '$lib/domain/deal/stages';
import { EMPTY_DEAL_FILTER, filterDeals } from './deal-filter';

const meta = { created: { hlc: 'h', by: 'm' }, updated: 'h' };
const deal = (id: string, over: Partial<Deal>): Deal => ({
	id,
	customerId: 'c1',
	title: id,
	stage: 'lead',
	amount: { minor: 100, currency: 'CNY' },
	expectedClose: '',
	probability: 10,
	products: [],
	competitor: '',
	nextStep: '',
	lostReason: '',
	ownerId: 'm',
	createdAt: 0,
	closedAt: null,
	trashedAt: null,
	_meta: meta,
	...over
});

const deals = [
	deal('b', { expectedClose: '2026-03-10', products: ['ＳＥＮＳＯＲ'] }),
	deal('a', { expectedClose: '2026-02-01', stage: 'won' }),
	deal('c', { stage: 'lost', customerId: 'c2' }),
	deal('d', { expectedClose: '2026-03-01', stage: 'proposal' })
];
const names = (id: string) => (id === 'c2' ? '华信科技' : 'Acme');
const ids = (f: Partial<typeof EMPTY_DEAL_FILTER>) =>
	filterDeals(deals, { ...EMPTY_DEAL_FILTER, ...f }, DEFAULT_STAGES, names).map((d) => d.id);

describe('filterDeals', () => {
	it('sorts by expected close, undated last', () => {
		expect(ids({})).toEqual(['a', 'd', 'b', 'c']);
	});
	it('filters by status, stage and close month', () => {
		expect(ids({ status: 'open' })).toEqual(['d', 'b']);
		expect(ids({ status: 'won' })).toEqual(['a']);
		expect(ids({ stage: 'lost' })).toEqual(['c']);
		expect(ids({ closeMonth: '2026-03' })).toEqual(['d', 'b']);
	});
	it('matches text in products and the customer name, whatever the width and case', () => {
		expect(ids({ text: 'sensor' })).toEqual(['b']);
		expect(ids({ text: '华信' })).toEqual(['c']);
	});
});
