import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { listFeedbackForCustomer } from './feedback';
import { customer, errorCodes, HOUR, me } from './test-fixtures';
import {
	closeTicket,
	createTicket,
	getTicket,
	handOverTicket,
	overdueTicketsOf,
	resolveTicket,
	setResolutionHours,
	updateTicket
} from './tickets';

describe('tickets', () => {
	it('computes the deadline from the priority, hands over, resolves and closes with a score', async () => {
		const owner = await me();
		const c = await customer('工单客户');
		await setResolutionHours({ urgent: 2, high: 24, normal: 72, low: 168 });
		const openedAt = Date.now() - 3 * HOUR;
		const id = await createTicket({
			customerId: c,
			kind: 'complaint',
			priority: 'urgent',
			title: '发货延迟',
			description: '',
			openedAt,
			ownerId: owner
		});
		expect((await getTicket(id))?.deadlineAt).toBe(openedAt + 2 * HOUR);
		expect((await overdueTicketsOf(owner, Infinity, 100)).first.map((t) => t.id)).toContain(id);

		await updateTicket(id, {
			customerId: c,
			kind: 'complaint',
			priority: 'normal',
			title: '发货延迟',
			description: '',
			openedAt,
			ownerId: owner
		});
		expect((await getTicket(id))?.deadlineAt).toBe(openedAt + 72 * HOUR);

		expect(await errorCodes(handOverTicket(id, '', 'x'))).toEqual(['department_required']);
		await handOverTicket(id, 'after_sales', '请安排补发');
		expect(await getTicket(id)).toMatchObject({
			department: 'after_sales',
			handoverNote: '请安排补发',
			status: 'in_progress'
		});
		expect(await errorCodes(resolveTicket(id, ' '))).toEqual(['text_required']);
		await resolveTicket(id, '已补发');
		expect((await getTicket(id))?.closedAt).not.toBeNull();
		await closeTicket(id, 4);
		expect(await getTicket(id)).toMatchObject({ status: 'closed', satisfaction: 4 });
		expect((await overdueTicketsOf(owner, Infinity, 100)).first.map((t) => t.id)).not.toContain(id);
		const answers = await listFeedbackForCustomer(c);
		expect(answers).toHaveLength(1);
		expect(answers[0]).toMatchObject({ kind: 'csat', score: 4, channel: 'ticket' });
		await setResolutionHours({ urgent: 4, high: 24, normal: 72, low: 168 });
	});
});
