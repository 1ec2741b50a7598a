import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '../db';
import { loadTeamFunnel } from './deal-funnel';
import {
	createDeal,
	getStageConfig,
	moveDealTo,
	setStageConfig,
	trashDeal,
	type DealDraft
} from './deals';
import { listOrdersForCustomer } from './orders';
import { customer, errorCodes, me } from './test-fixtures';

describe('deals', () => {
	afterEach(() => {
		vi.useRealTimers();
	});

	const deal = async (title: string, minor = 1_000_000): Promise<DealDraft> => ({
		customerId: await customer(`${title} 客户`),
		title,
		amount: { minor, currency: 'CNY' },
		expectedClose: '',
		probability: 10,
		products: [' 传感器 ', ''],
		competitor: '',
		nextStep: '',
		ownerId: await me()
	});

	it('refuses to lose a deal without reason and competitor, then loses it', async () => {
		const id = await createDeal(await deal('Lost one'), 'lead');
		expect(await errorCodes(moveDealTo(id, 'lost'))).toEqual([
			'lost_reason_required',
			'competitor_required'
		]);
		expect((await db().deals.get(id))?.stage).toBe('lead');
		await moveDealTo(id, 'lost', { lostReason: '价格', competitor: 'Acme' });
		expect(await db().deals.get(id)).toMatchObject({
			stage: 'lost',
			lostReason: '价格',
			competitor: 'Acme',
			probability: 0
		});
	});

	it('records every move with its deal, and none for a refused one', async () => {
		const draft = await deal('History');
		const id = await createDeal(draft, 'lead');
		await moveDealTo(id, 'proposal');
		await errorCodes(moveDealTo(id, 'lost'));
		await moveDealTo(id, 'proposal');
		await moveDealTo(id, 'won');
		const moves = (await db().dealStageChanges.where('dealId').equals(id).toArray()).sort((a, b) =>
			a._meta.updated.localeCompare(b._meta.updated)
		);
		expect(moves.map((m) => [m.from, m.to])).toEqual([
			[null, 'lead'],
			['lead', 'proposal'],
			['proposal', 'won']
		]);
		expect(
			moves.every((m) => m.customerId === draft.customerId && m.ownerId === draft.ownerId)
		).toBe(true);
	});

	it("gives the team's funnel from the period's moves, leaving out trashed deals and others' moves", async () => {
		const owner = await me();
		// A day of its own, after every other test's moves.
		vi.useFakeTimers({ toFake: ['Date'] });
		const start = Date.UTC(2030, 0, 1);
		vi.setSystemTime(start);
		const a = await createDeal(await deal('Funnel A'), 'lead');
		const b = await createDeal(await deal('Funnel B'), 'lead');
		const c = await createDeal(await deal('Funnel C'), 'lead');
		await moveDealTo(a, 'won');
		await moveDealTo(b, 'proposal');
		await moveDealTo(c, 'won');
		await trashDeal(c);
		const { stages } = await getStageConfig();
		const period = { startAt: start, endAt: Date.now() + 1 };
		const funnel = await loadTeamFunnel({ members: [owner], period, stages });
		expect(funnel.rows.map((r) => [r.stage, r.reached])).toEqual([
			['lead', 2],
			['needs_confirmed', 2],
			['proposal', 2],
			['negotiation', 1],
			['won', 1]
		]);
		expect(
			(await loadTeamFunnel({ members: ['someone-else'], period, stages })).rows[0]?.reached
		).toBe(0);
		const before = { startAt: start - 86_400_000, endAt: start };
		expect(
			(await loadTeamFunnel({ members: [owner], period: before, stages })).rows[0]?.reached
		).toBe(0);
	});

	it('winning records an order in the purchase history, in one go', async () => {
		const draft = await deal('Big win', 12_345_600);
		const id = await createDeal(draft, 'proposal');
		expect((await db().deals.get(id))?.products).toEqual(['传感器']);
		expect(await moveDealTo(id, 'won')).toEqual(['record_order']);
		const orders = await listOrdersForCustomer(draft.customerId);
		expect(orders).toHaveLength(1);
		expect(orders[0]).toMatchObject({
			dealId: id,
			amount: { minor: 12_345_600, currency: 'CNY' },
			products: ['传感器']
		});
		expect(await moveDealTo(id, 'negotiation')).toEqual(['review_order']);
		expect(await listOrdersForCustomer(draft.customerId)).toHaveLength(1);
	});

	it('refuses invalid drafts and closed stages on create', async () => {
		const d = await deal('Bad');
		expect(
			await errorCodes(
				createDeal({ ...d, title: '', amount: { minor: -1, currency: 'cny' } }, 'lead')
			)
		).toEqual(['title_required', 'amount_invalid']);
		expect(await errorCodes(createDeal(d, 'won'))).toEqual(['stage_unknown']);
	});

	it('stage configuration is validated and kept', async () => {
		const config = await getStageConfig();
		const stages = [{ key: 'trial', probability: 40, kind: 'open' as const }, ...config.stages];
		await setStageConfig({ stages, labels: { trial: '试用' } });
		expect((await getStageConfig()).labels.trial).toBe('试用');
		expect(
			await errorCodes(
				setStageConfig({ stages: stages.filter((s) => s.kind !== 'won'), labels: {} })
			)
		).toEqual(['won_stage_count']);
		await setStageConfig(config);
	});
});
