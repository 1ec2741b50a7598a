import { describe, expect, it } from 'vitest';
import { figuresOf, itemsOf, plannedOf, scopeOf } from './shapes';

describe('reading the structures a record holds as one value', () => {
	it('keeps well-formed counts and reads anything else as zero', () => {
		expect(plannedOf({ visits: 3, calls: 10, new_customers: 1 })).toEqual({
			visits: 3,
			calls: 10,
			new_customers: 1
		});
		expect(plannedOf({ visits: -2, calls: 1.5, new_customers: '4', golf: 9 })).toEqual({
			visits: 0,
			calls: 0,
			new_customers: 0
		});
		expect(plannedOf(null)).toEqual({ visits: 0, calls: 0, new_customers: 0 });
		expect(plannedOf([1, 2, 3])).toEqual({ visits: 0, calls: 0, new_customers: 0 });
	});

	it('keeps the figures of a report and leaves out moves it cannot read', () => {
		const figures = {
			contacts: 4,
			visits: 1,
			customersReached: 3,
			dealsMoved: [{ dealId: 'd1', toStage: 'proposal' }, { dealId: 7 }, 'd2'],
			ticketsClosed: ['k1', 3]
		};
		expect(figuresOf(figures)).toEqual({
			contacts: 4,
			visits: 1,
			customersReached: 3,
			dealsMoved: [{ dealId: 'd1', toStage: 'proposal' }],
			ticketsClosed: ['k1']
		});
		expect(figuresOf('x')).toEqual({
			contacts: 0,
			visits: 0,
			customersReached: 0,
			dealsMoved: [],
			ticketsClosed: []
		});
	});

	it('reads a scope of a stage or a known ticket kind, and nothing else', () => {
		expect(scopeOf({ kind: 'deal_stage', stage: 'proposal' })).toEqual({
			kind: 'deal_stage',
			stage: 'proposal'
		});
		expect(scopeOf({ kind: 'ticket_kind', ticketKind: 'repair' })).toEqual({
			kind: 'ticket_kind',
			ticketKind: 'repair'
		});
		expect(scopeOf({ kind: 'ticket_kind', ticketKind: 'golf' })).toBeNull();
		expect(scopeOf({ kind: 'deal_stage', stage: '' })).toBeNull();
		expect(scopeOf({ kind: 'customer_tier', tier: 'a' })).toBeNull();
		expect(scopeOf(undefined)).toBeNull();
	});

	it('keeps the items with an id and a label, required only when it says true', () => {
		expect(
			itemsOf([
				{ id: 'i1', label: 'Send the quote', required: true },
				{ id: 'i2', label: 'Call back', required: 'yes' },
				{ id: '', label: 'No id' },
				{ label: 'No id either' },
				'loose text'
			])
		).toEqual([
			{ id: 'i1', label: 'Send the quote', required: true },
			{ id: 'i2', label: 'Call back', required: false }
		]);
		expect(itemsOf({ id: 'i1' })).toEqual([]);
	});
});
