import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { addFeedback, listFeedbackForCustomer } from './feedback';
import { customer, errorCodes, me } from './test-fixtures';

describe('feedback', () => {
	it('keeps valid answers and refuses scores out of range', async () => {
		const owner = await me();
		const c = await customer('反馈客户');
		const base = { customerId: c, channel: 'phone', comment: '', at: Date.now(), ownerId: owner };
		await addFeedback({ ...base, kind: 'nps', score: 9 });
		expect(await errorCodes(addFeedback({ ...base, kind: 'csat', score: 6 }))).toEqual([
			'score_invalid_csat'
		]);
		expect(await errorCodes(addFeedback({ ...base, kind: 'nps', score: 11 }))).toEqual([
			'score_invalid_nps'
		]);
		expect((await listFeedbackForCustomer(c)).map((f) => f.score)).toEqual([9]);
	});
});
