import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { emptyCustomerDraft } from '$lib/domain/customer/empty';
import { periodContaining } from '$lib/domain/shared/dates';
import { goalActual } from '$lib/domain/goal/progress';
import { upcomingBirthdays } from '$lib/domain/reports/home';
import { pipelineByStage } from '$lib/domain/reports/pipeline';
import { rowOf } from '$lib/list/packed-customer-rows';
import { db } from '../db';
import { updateCustomer } from './customers';
import { createDeal, getStageConfig, listDeals, moveDealTo, trashDeal } from './deals';
import { goalAggregates } from './goals';
import { dealsClosingIn, interactionFigures, pipelineFigures, rosterPipeline } from './home';
import { logInteraction } from './interactions';
import { contact, customer, DAY, HOUR, me, TZ } from './test-fixtures';

describe('home figures', () => {
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

	it('sums the roster’s open pipelines in one read, as their deals would, leaving others out', async () => {
		const [a, b, other] = ['a', 'b', 'other'].map((m) => `owner-${m}-${crypto.randomUUID()}`);
		const c = await customer('团队管道客户');
		const deal = (ownerId: string, minor: number, currency: string, probability: number) => ({
			customerId: c,
			title: `Deal ${minor}`,
			amount: { minor, currency },
			expectedClose: '',
			probability,
			products: [],
			competitor: '',
			nextStep: '',
			ownerId
		});
		await createDeal(deal(a!, 100_000, 'CNY', 25), 'lead');
		await createDeal(deal(b!, 300_001, 'CNY', 33), 'lead');
		await createDeal(deal(b!, 50_000, 'USD', 70), 'proposal');
		await moveDealTo(await createDeal(deal(a!, 900_000, 'CNY', 50), 'negotiation'), 'won');
		await trashDeal(await createDeal(deal(b!, 700_000, 'CNY', 50), 'negotiation'));
		await createDeal(deal(other!, 5, 'CNY', 10), 'lead');

		const { stages } = await getStageConfig();
		const roster = await rosterPipeline([a!, b!], stages);
		const records = [...(await listDeals(a!)), ...(await listDeals(b!))].filter(
			(d) => d.trashedAt === null
		);
		expect(roster).toEqual(pipelineByStage(records, stages, { openOnly: true }));
		expect(roster.find((r) => r.stage === 'lead')).toMatchObject({
			count: 2,
			amount: { CNY: 400_001 }
		});
		// Without tallies to trust, member by member from the index keys: the same counts.
		const meta = await db().tallies.get(['meta']);
		await db().tallies.delete(['meta']);
		try {
			const slow = await rosterPipeline([a!, b!], stages);
			expect(slow.map((r) => [r.stage, r.count, r.amount])).toEqual(
				roster.map((r) => [r.stage, r.count, r.amount])
			);
		} finally {
			if (meta) await db().tallies.put(meta);
		}
	});
});
