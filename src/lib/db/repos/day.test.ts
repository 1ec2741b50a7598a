import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { emptyCustomerDraft } from '$lib/domain/customer/empty';
import { periodContaining } from '$lib/domain/goal/period';
import { goalActual } from '$lib/domain/goal/progress';
import { againstGoalLine } from '$lib/domain/reports/daily';
import type { InteractionDraft } from '$lib/domain/interaction/interaction';
import { db } from '../db';
import { getSession } from '../session';
import { createCustomer, getCustomer, updateCustomer, ValidationFailed } from './customers';
import {
	createDeal,
	getStageConfig,
	listDeals,
	moveDealTo,
	setStageConfig,
	trashDeal,
	type DealDraft
} from './deals';
import { addFeedback, listFeedbackForCustomer } from './feedback';
import { createGoal, goalAggregates, listGoalsWithActuals } from './goals';
import { dealsClosingIn, interactionFigures, pipelineFigures, salesFigures } from './home';
import { pipelineByStage } from '$lib/domain/reports/pipeline';
import { upcomingBirthdays } from '$lib/domain/reports/home';
import { rowOf } from '$lib/list/packed-customer-rows';
import { listInteractions, logInteraction } from './interactions';
import { listOrdersForCustomer } from './orders';
import {
	completeFollowUp,
	createTask,
	getCadence,
	tasksDueOf,
	listTasksForCustomer,
	setCadence,
	setTaskDone
} from './tasks';
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

const TZ = -new Date().getTimezoneOffset();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function me(): Promise<string> {
	return (await getSession()).member.id;
}

async function customer(name: string, patch = {}): Promise<string> {
	return createCustomer({ ...emptyCustomerDraft(await me()), name, ...patch });
}

function contact(customerId: string, ownerId: string, at: number, extra = {}): InteractionDraft {
	return {
		customerId,
		type: 'call',
		at,
		durationMinutes: null,
		summary: 'Called',
		outcome: '',
		satisfaction: null,
		nextFollowUp: null,
		ownerId,
		...extra
	};
}

async function errorCodes(p: Promise<unknown>): Promise<string[]> {
	const e = await p.then(
		() => null,
		(err: unknown) => err
	);
	expect(e).toBeInstanceOf(ValidationFailed);
	return (e as ValidationFailed).errors.map((x) => x.code);
}

describe('tasks', () => {
	it('creates, lists open ones by owner and due time, and completes', async () => {
		const owner = await me();
		const c = await customer('任务客户');
		const now = Date.now();
		const id = await createTask({
			title: ' 发送报价 ',
			dueAt: now - DAY,
			priority: 'high',
			customerId: c,
			dealId: null,
			kind: 'todo',
			ownerId: owner
		});
		await createTask({
			title: 'Later',
			dueAt: now + 30 * DAY,
			priority: 'low',
			customerId: null,
			dealId: null,
			kind: 'todo',
			ownerId: owner
		});
		const due = await tasksDueOf(owner, now, TZ);
		expect(due.overdue.first.map((t) => t.title)).toContain('发送报价');
		const shown = [...due.overdue.first, ...due.today.first].map((t) => t.title);
		expect(shown).not.toContain('Later');
		const other = await tasksDueOf('someone-else', now, TZ);
		expect(other.overdue.total + other.today.total).toBe(0);
		await setTaskDone(id, true);
		expect((await tasksDueOf(owner, now, TZ)).overdue.first.map((t) => t.id)).not.toContain(id);
		expect((await db().tasks.get(id))?._meta.fields?.done).toBeDefined();
	});

	it('counts every overdue task and reads the first in due order, ties by priority', async () => {
		const owner = `owner-${crypto.randomUUID()}`;
		const now = Date.now();
		const at = now - 3 * DAY;
		const task = (title: string, dueAt: number, priority: 'high' | 'normal' | 'low') =>
			createTask({
				title,
				dueAt,
				priority,
				customerId: null,
				dealId: null,
				kind: 'todo',
				ownerId: owner
			});
		await task('c-low', at, 'low');
		await task('d-later', at + HOUR, 'high');
		await task('b-high', at, 'high');
		await task('a-first', at - HOUR, 'low');
		const done = await task('done', at - 2 * HOUR, 'high');
		await setTaskDone(done, true);
		const due = await tasksDueOf(owner, now, TZ, 3);
		expect(due.overdue.total).toBe(4);
		expect(due.overdue.first.map((t) => t.title)).toEqual(['a-first', 'b-high', 'c-low']);
		expect(due.today.total).toBe(0);
		const two = await tasksDueOf(owner, now, TZ, 2);
		expect(two.overdue.first.map((t) => t.title)).toEqual(['a-first', 'b-high']);
	});

	it('refuses a task without a title or a valid due time', async () => {
		const codes = await errorCodes(
			createTask({
				title: '  ',
				dueAt: Number.NaN,
				priority: 'normal',
				customerId: null,
				dealId: null,
				kind: 'todo',
				ownerId: await me()
			})
		);
		expect(codes).toEqual(['title_required', 'due_invalid']);
	});

	it('keeps the cadence per tier, refusing nonsense', async () => {
		expect(await getCadence()).toEqual({ A: 14, B: 30, C: 90 });
		await setCadence({ A: 7, B: 30, C: 0 });
		expect(await getCadence()).toEqual({ A: 7, B: 30, C: 0 });
		expect(await errorCodes(setCadence({ A: -1, B: 1.5, C: 3 }))).toEqual([
			'cadence_invalid',
			'cadence_invalid'
		]);
		await setCadence({ A: 14, B: 30, C: 90 });
	});

	it('completing a follow-up logs the contact and records a done follow-up', async () => {
		const owner = await me();
		const c = await customer('回访客户', { tier: 'A' });
		const at = Date.now() - 60_000;
		await completeFollowUp(contact(c, owner, at, { summary: '电话回访' }), null);
		expect((await listInteractions(c)).map((i) => i.summary)).toEqual(['电话回访']);
		expect((await getCustomer(c))?.lastContactAt).toBe(at);
		const tasks = await listTasksForCustomer(c);
		expect(tasks).toHaveLength(1);
		expect(tasks[0]).toMatchObject({ kind: 'follow_up', done: true });

		const taskId = await createTask({
			title: 'Follow up',
			dueAt: Date.now(),
			priority: 'normal',
			customerId: c,
			dealId: null,
			kind: 'follow_up',
			ownerId: owner
		});
		await completeFollowUp(contact(c, owner, Date.now()), taskId);
		expect((await db().tasks.get(taskId))?.done).toBe(true);
		expect(await listTasksForCustomer(c)).toHaveLength(2);
	});
});

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

describe('goals and home figures', () => {
	it('a sales goal moves when a deal is won', async () => {
		const owner = await me();
		const period = periodContaining('month', Date.now(), TZ);
		const goalId = await createGoal(
			{
				ownerId: owner,
				metric: 'sales_amount',
				periodKind: 'month',
				periodStart: period.start,
				target: 10_000_000
			},
			TZ
		);
		const before = (await listGoalsWithActuals(owner, TZ)).actuals.get(goalId) ?? 0;
		const c = await customer('目标客户');
		const id = await createDeal(
			{
				customerId: c,
				title: 'Goal deal',
				amount: { minor: 500_000, currency: 'CNY' },
				expectedClose: '',
				probability: 50,
				products: [],
				competitor: '',
				nextStep: '',
				ownerId: owner
			},
			'negotiation'
		);
		await moveDealTo(id, 'won');
		const after = (await listGoalsWithActuals(owner, TZ)).actuals.get(goalId);
		expect(after).toBe(before + 500_000);
		const sales = await salesFigures(owner, period, TZ);
		expect(sales.totalMinor).toBe(after);
		const line = againstGoalLine(sales.daily, 10_000_000);
		expect(line.at(-1)?.expected).toBeCloseTo(10_000_000);
		expect(line.at(-1)?.actual).toBe(after);
		const meta = await db().tallies.get(['meta']);
		await db().tallies.put({ k: ['meta'], offsetMin: TZ - 30 });
		try {
			expect(await salesFigures(owner, period, TZ)).toEqual(sales);
		} finally {
			if (meta) await db().tallies.put(meta);
		}
		expect(
			await errorCodes(
				createGoal(
					{
						ownerId: owner,
						metric: 'interactions',
						periodKind: 'month',
						periodStart: '2025-02-30',
						target: -1
					},
					TZ
				)
			)
		).toEqual(['period_invalid', 'target_invalid']);
	});

	it('counts interactions by type and day from index keys, leaving out trashed ones', async () => {
		const owner = `owner-${crypto.randomUUID()}`;
		const c = await customer('图表客户');
		const period = periodContaining('month', Date.now(), TZ);
		const at = period.startAt + HOUR;
		await logInteraction(contact(c, owner, at, { type: 'visit' }));
		await logInteraction(contact(c, owner, at + 2 * HOUR, { type: 'call' }));
		const trashed = await logInteraction(contact(c, owner, at + 3 * HOUR, { type: 'call' }));
		await logInteraction(contact(c, owner, period.startAt - DAY, { type: 'call' }));
		await db().interactions.update(trashed, { trashedAt: Date.now() });

		const r = await interactionFigures(owner, period, TZ);
		expect(r.total).toBe(2);
		expect(r.byType.find((x) => x.key === 'call')?.value).toBe(1);
		expect(r.byType.find((x) => x.key === 'visit')?.value).toBe(1);
		expect(r.byDay[0]?.value).toBe(2);
		expect(r.byDay.reduce((s, d) => s + d.value, 0)).toBe(2);
		const agg = await goalAggregates(
			{ ownerId: owner, metric: 'interactions', periodKind: 'month', periodStart: period.start },
			TZ
		);
		expect(goalActual('interactions', agg)).toBe(2);

		// With the tallies counted at another offset (this device moved), the figures are counted
		// from the index ranges instead, and they are the same.
		const meta = await db().tallies.get(['meta']);
		await db().tallies.put({ k: ['meta'], offsetMin: TZ + 60 });
		try {
			expect(await interactionFigures(owner, period, TZ)).toEqual(r);
			const slow = await goalAggregates(
				{ ownerId: owner, metric: 'interactions', periodKind: 'month', periodStart: period.start },
				TZ
			);
			expect(goalActual('interactions', slow)).toBe(2);
		} finally {
			if (meta) await db().tallies.put(meta);
		}
	});

	it('follow-ups done count against a follow-up goal', async () => {
		const owner = await me();
		const period = periodContaining('month', Date.now(), TZ);
		const goal = {
			ownerId: owner,
			metric: 'follow_ups' as const,
			periodKind: 'month' as const,
			periodStart: period.start
		};
		const before = goalActual('follow_ups', await goalAggregates(goal, TZ)) ?? 0;
		await completeFollowUp(contact(await customer('计数客户'), owner, Date.now()), null);
		expect(goalActual('follow_ups', await goalAggregates(goal, TZ))).toBe(before + 1);
	});

	it('finds birthdays of the coming week in the rows the customer list keeps', async () => {
		// What Home's card does with the in-memory list: the rows of one owner's stored customers.
		const birthdaysOf = async (owner: string) =>
			upcomingBirthdays(
				(await db().customers.where('ownerId').equals(owner).toArray())
					.filter((c) => c.trashedAt === null)
					.map((c) => rowOf(c)),
				Date.now(),
				TZ
			);
		const owner = await me();
		const soon = new Date(Date.now() + 2 * DAY);
		const pad = (n: number) => String(n).padStart(2, '0');
		const birthday = `1990-${pad(soon.getMonth() + 1)}-${pad(soon.getDate())}`;
		const id = await customer('生日客户', { birthday });
		const gone = await customer('已删除生日', { birthday });
		await db().customers.update(gone, { trashedAt: Date.now() });
		const list = await birthdaysOf(owner);
		const mine = list.filter((b) => b.customer.id === id);
		expect(mine).toHaveLength(1);
		expect(mine[0]).toMatchObject({ inDays: 2, customer: { name: '生日客户' } });
		expect(list.some((b) => b.customer.id === gone)).toBe(false);
		// Read by ranges per birth year: year-less, "unknown year" and far-off birthdays too.
		const md = birthday.slice(4);
		// Forms refuse these; imports and other exporters' snapshots can bring them.
		const noYear = await customer('无年份');
		await db().customers.update(noYear, { birthday: `-${md}` });
		const apple = await customer('未知年份');
		await db().customers.update(apple, { birthday: `1604${md}` });
		const later = new Date(Date.now() + 20 * DAY);
		const far = await customer('远生日', {
			birthday: `1990-${pad(later.getMonth() + 1)}-${pad(later.getDate())}`
		});
		const ids = new Set((await birthdaysOf(owner)).map((b) => b.customer.id));
		expect([ids.has(noYear), ids.has(apple), ids.has(far)]).toEqual([true, true, false]);
		await updateCustomer(id, { ...emptyCustomerDraft(owner), name: '生日客户', birthday: '' });
		expect((await birthdaysOf(owner)).some((b) => b.customer.id === id)).toBe(false);
	});

	it('sums the open pipeline from index keys as the records would, without trashed deals', async () => {
		const owner = `owner-${crypto.randomUUID()}`;
		const c = await customer('管道客户');
		const month = periodContaining('month', Date.now(), TZ);
		const deal = (minor: number, currency: string, expectedClose = '', probability = 40) => ({
			customerId: c,
			title: `Deal ${minor}`,
			amount: { minor, currency },
			expectedClose,
			probability,
			products: [],
			competitor: '',
			nextStep: '',
			ownerId: owner
		});
		const closing = await createDeal(deal(100_000, 'CNY', month.start, 25), 'lead');
		await createDeal(deal(300_000, 'CNY', month.end), 'lead');
		await createDeal(deal(50_000, 'USD', '', 70), 'proposal');
		await moveDealTo(await createDeal(deal(900_000, 'CNY', month.start), 'negotiation'), 'won');
		const gone = await createDeal(deal(700_000, 'CNY', month.start), 'negotiation');
		await trashDeal(gone);
		await createDeal({ ...deal(5, 'CNY'), ownerId: 'someone-else' }, 'lead');

		const { stages } = await getStageConfig();
		const figures = await pipelineFigures(owner, stages);
		const records = (await listDeals(owner)).filter((d) => d.trashedAt === null);
		expect(figures).toEqual(pipelineByStage(records, stages, { openOnly: true }));
		// Without tallies to trust, the same figures come from the index keys.
		const meta = await db().tallies.get(['meta']);
		await db().tallies.delete(['meta']);
		try {
			expect(await pipelineFigures(owner, stages)).toEqual(figures);
		} finally {
			if (meta) await db().tallies.put(meta);
		}
		const lead = figures.find((r) => r.stage === 'lead');
		expect(lead).toMatchObject({ count: 2, amount: { CNY: 400_000 } });
		expect(lead?.weighted.CNY).toBe(25_000 + 120_000);
		expect(figures.find((r) => r.stage === 'negotiation')?.count).toBe(0);
		expect(figures.some((r) => r.stage === 'won')).toBe(false);

		// Closing this month: open, not trashed, expected before the month's end.
		const soon = await dealsClosingIn(owner, month, stages);
		expect(soon.total).toBe(1);
		expect(soon.first.map((d) => d.id)).toEqual([closing]);

		// More than the card shows: the count is whole, the first ones are the earliest.
		const day = (n: number) => `${month.start.slice(0, 8)}${String(n).padStart(2, '0')}`;
		const later = await createDeal(deal(1, 'CNY', day(20)), 'proposal');
		const early = await createDeal(deal(2, 'CNY', day(2)), 'needs_confirmed');
		await trashDeal(await createDeal(deal(3, 'CNY', day(1)), 'lead'));
		const two = await dealsClosingIn(owner, month, stages, 2);
		expect(two.total).toBe(3);
		expect(two.first.map((d) => d.id)).toEqual([closing, early]);
		const meta2 = await db().tallies.get(['meta']);
		await db().tallies.delete(['meta']);
		try {
			expect(await dealsClosingIn(owner, month, stages, 2)).toEqual(two);
		} finally {
			if (meta2) await db().tallies.put(meta2);
		}
		expect((await dealsClosingIn(owner, month, stages, 8)).first.at(-1)?.id).toBe(later);
	});
});
