import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { createDeal, getStageConfig, moveDealTo, setStageConfig, type DealDraft } from './deals';
import { listOrdersForCustomer } from './orders';
import { customer, errorCodes, me } from './test-fixtures';

describe('deals', () => {
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
