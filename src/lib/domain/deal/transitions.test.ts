import { describe, expect, it } from 'vitest';
import { moveDeal, type MovableDeal } from './transitions';
import type { StageDef } from './stages';

const NOW = Date.UTC(2025, 5, 1, 8);

function deal(p: Partial<MovableDeal> = {}): MovableDeal {
	return {
		id: 'd1',
		customerId: 'c1',
		title: '年度服务合同',
		stage: 'proposal',
		amount: { minor: 1_250_000, currency: 'CNY' },
		probability: 50,
		products: ['维保'],
		competitor: '',
		ownerId: 'm1',
		trashedAt: null,
		...p
	};
}

describe('moveDeal between open stages', () => {
	it('sets the stage and its default probability', () => {
		expect(moveDeal(deal(), 'negotiation', NOW)).toEqual({
			ok: true,
			patch: { stage: 'negotiation', probability: 75 },
			effects: []
		});
	});
	it('takes an explicit probability, clamped', () => {
		const r = moveDeal(deal(), 'lead', NOW, { probability: 140 });
		expect(r.ok && r.patch.probability).toBe(100);
	});
	it('a move to the same stage changes nothing', () => {
		expect(moveDeal(deal(), 'proposal', NOW)).toEqual({ ok: true, patch: {}, effects: [] });
	});
	it('refuses an unknown stage and a trashed deal', () => {
		expect(moveDeal(deal(), 'nowhere', NOW)).toMatchObject({
			ok: false,
			errors: [{ field: 'stage', code: 'stage_unknown' }]
		});
		expect(moveDeal(deal({ trashedAt: 1 }), 'won', NOW)).toMatchObject({
			ok: false,
			errors: [{ code: 'deal_trashed' }]
		});
	});
});

describe('winning', () => {
	it('closes the deal and asks to record an order', () => {
		const r = moveDeal(deal(), 'won', NOW);
		expect(r).toEqual({
			ok: true,
			patch: { stage: 'won', probability: 100, closedAt: NOW, lostReason: '' },
			effects: [
				{
					kind: 'record_order',
					order: {
						customerId: 'c1',
						dealId: 'd1',
						at: NOW,
						amount: { minor: 1_250_000, currency: 'CNY' },
						products: ['维保'],
						notes: '年度服务合同',
						ownerId: 'm1'
					}
				}
			]
		});
	});
	it('copies the products, so later edits of the deal do not change the order', () => {
		const d = deal();
		const r = moveDeal(d, 'won', NOW);
		d.products.push('x');
		expect(r.ok && r.effects[0]?.kind === 'record_order' && r.effects[0].order.products).toEqual([
			'维保'
		]);
	});
	it('refuses a broken amount', () => {
		for (const amount of [
			{ minor: -1, currency: 'CNY' },
			{ minor: 1.5, currency: 'CNY' },
			{ minor: 100, currency: '' }
		]) {
			expect(moveDeal(deal({ amount }), 'won', NOW)).toMatchObject({
				ok: false,
				errors: [{ field: 'amount', code: 'amount_invalid' }]
			});
		}
	});
});

describe('losing', () => {
	it('without reason and competitor is refused and asks for them', () => {
		expect(moveDeal(deal(), 'lost', NOW)).toEqual({
			ok: false,
			errors: [
				{ field: 'lostReason', code: 'lost_reason_required' },
				{ field: 'competitor', code: 'competitor_required' }
			],
			effects: [{ kind: 'ask_lost_reason' }]
		});
	});
	it('blank strings do not count', () => {
		const r = moveDeal(deal(), 'lost', NOW, { lostReason: '  ', competitor: 'Acme' });
		expect(r).toMatchObject({ ok: false, errors: [{ code: 'lost_reason_required' }] });
	});
	it('with both, closes the deal at probability 0', () => {
		expect(
			moveDeal(deal(), 'lost', NOW, { lostReason: ' 价格太高 ', competitor: ' 某某科技 ' })
		).toEqual({
			ok: true,
			patch: {
				stage: 'lost',
				probability: 0,
				closedAt: NOW,
				lostReason: '价格太高',
				competitor: '某某科技'
			},
			effects: []
		});
	});
	it('the competitor already on the deal counts', () => {
		const r = moveDeal(deal({ competitor: 'Acme' }), 'lost', NOW, { lostReason: 'budget' });
		expect(r.ok && r.patch.competitor).toBe('Acme');
	});
});

describe('reopening', () => {
	it('a lost deal clears close date and reason', () => {
		expect(moveDeal(deal({ stage: 'lost' }), 'negotiation', NOW)).toEqual({
			ok: true,
			patch: { stage: 'negotiation', probability: 75, closedAt: null, lostReason: '' },
			effects: []
		});
	});
	it('a won deal keeps its order but flags it for review', () => {
		const r = moveDeal(deal({ stage: 'won' }), 'proposal', NOW);
		expect(r).toMatchObject({ ok: true, effects: [{ kind: 'review_order' }] });
		const lost = moveDeal(deal({ stage: 'won' }), 'lost', NOW, {
			lostReason: 'r',
			competitor: 'c'
		});
		expect(lost).toMatchObject({ ok: true, effects: [{ kind: 'review_order' }] });
	});
	it('a lost deal that is won records the order', () => {
		const r = moveDeal(deal({ stage: 'lost' }), 'won', NOW);
		expect(r.ok && r.effects.map((e) => e.kind)).toEqual(['record_order']);
	});
});

describe('custom stages', () => {
	const stages: StageDef[] = [
		{ key: 'first_call', probability: 5, kind: 'open' },
		{ key: 'signed', probability: 100, kind: 'won' },
		{ key: 'dropped', probability: 0, kind: 'lost' }
	];
	it('uses the configured keys and kinds', () => {
		const r = moveDeal(deal({ stage: 'first_call' }), 'signed', NOW, { stages });
		expect(r).toMatchObject({
			ok: true,
			patch: { stage: 'signed' },
			effects: [{ kind: 'record_order' }]
		});
		expect(moveDeal(deal({ stage: 'first_call' }), 'won', NOW, { stages })).toMatchObject({
			ok: false
		});
		expect(moveDeal(deal({ stage: 'first_call' }), 'dropped', NOW, { stages })).toMatchObject({
			effects: [{ kind: 'ask_lost_reason' }]
		});
	});
});
