import { blankMember, type Member } from '$lib/domain/member/member';
import type { Order } from '$lib/domain/order/order';
import { teamPeriod } from '$lib/domain/team/team-period';
import { zonedIsoDate } from '$lib/domain/team/zone';
import { createRecord } from '$lib/sync/edit';
import { db } from './db';
import { nextStamp } from './session';
import { saveDailyReport } from './repos/daily-reports';
import { savePlan } from './repos/pay-plans';
import { answerRoleQuestion } from './repos/role-question';
import { setMemberFact } from './repos/team-facts';
import { levelDraft } from '$lib/domain/growth/ladder-level';
import { addLevel } from './repos/team-levels';
import { getTeamZone } from './repos/team-settings';

/**
 * The team the pay and daily-report benchmarks read (bench/suites/rhythm.mjs): this device's
 * member leads `members` account managers of one level with a compensation plan, each with
 * `ordersPerMember` orders last month, and all but a tenth have sent today's report. Written
 * through the repositories, as the pages would write it; not timed.
 */
export async function seedRhythm(opts: {
	members: number;
	ordersPerMember: number;
}): Promise<{ members: number; orders: number; reports: number }> {
	await answerRoleQuestion('ops_lead');
	const d = db();
	const zone = await getTeamZone();
	const now = Date.now();
	const today = zonedIsoDate(zone, now);
	const level = await addLevel(levelDraft('客户经理'));
	await savePlan({
		levelId: level,
		effective: '2020-01-01',
		currency: 'CNY',
		baseMinor: 600_000,
		targetMinor: 10_000_000,
		brackets: [
			{ fromPct: '0', toPct: '100', ratePct: '3' },
			{ fromPct: '100', toPct: null, ratePct: '5' }
		],
		performanceBonus: null
	});
	const ids: string[] = [];
	for (let i = 0; i < opts.members; i++) {
		const id = `rhythm-member-${i + 1}`;
		ids.push(id);
		const member = createRecord<Member>(
			id,
			blankMember(`客户经理 ${i + 1}`, 'manager'),
			await nextStamp()
		);
		await d.members.put(member);
		await setMemberFact({
			memberId: id,
			kind: 'level',
			value: level,
			from: '2020-01-01',
			note: ''
		});
	}
	const orders: Order[] = [];
	// Spread over last month, the one the pay page opens on (the month to close and pay), an
	// hour apart per member.
	const [y, mo] = today.split('-').map(Number) as [number, number];
	const last = mo === 1 ? `${y - 1}-12-01` : `${y}-${String(mo - 1).padStart(2, '0')}-01`;
	const lastMonth = teamPeriod(zone, 'month', last);
	if (!lastMonth.ok) throw new Error('no last month');
	const monthStartAt = lastMonth.value.startAt;
	for (const [m, ownerId] of ids.entries())
		for (let k = 0; k < opts.ordersPerMember; k++)
			orders.push(
				createRecord<Order>(
					`rhythm-order-${m}-${k}`,
					{
						customerId: `rhythm-customer-${m}`,
						dealId: null,
						at: monthStartAt + k * 3_600_000 + m * 60_000,
						amount: { minor: (1_000 + ((m * 37 + k * 11) % 50) * 100) * 100, currency: 'CNY' },
						products: [],
						notes: '',
						ownerId,
						trashedAt: null
					},
					await nextStamp()
				)
			);
	await d.orders.bulkPut(orders);
	let reports = 0;
	const offset = -new Date().getTimezoneOffset();
	for (const [m, memberId] of ids.entries()) {
		if (m % 10 === 9) continue;
		await saveDailyReport(
			{
				memberId,
				date: today,
				problems: '客户预算推迟',
				helpNeeded: '',
				tomorrowPlan: '拜访两位客户'
			},
			offset,
			true,
			now
		);
		reports++;
	}
	return { members: ids.length, orders: orders.length, reports };
}

/**
 * The pay page's reads one after the other, each timed (bench/suites/rhythm.mjs), for the month
 * it opens on: which of them the page waits for.
 */
export async function timePayParts(start: string): Promise<Record<string, number>> {
	const timed = async (f: () => Promise<unknown>): Promise<number> => {
		const t0 = performance.now();
		await f();
		return performance.now() - t0;
	};
	const [{ loadMonthPay }, { reconcileLateChanges }, { listPlans }, { listAsideViews }, levels] =
		await Promise.all([
			import('./repos/pay-statements'),
			import('./repos/pay-close'),
			import('./repos/pay-inputs'),
			import('./repos/pay-aside'),
			import('./repos/team-levels')
		]);
	const { payMonth, readMonthInput } = await import('./repos/pay-inputs');
	const { monthStatements } = await import('$lib/domain/pay/month');
	const { answersOf } = await import('./repos/pay-answers');
	const period = await payMonth(start);
	const ids = (await db().members.toArray()).map((m) => m.id);
	const input = await readMonthInput(period, ids, Date.now());
	return {
		month: await timed(() => loadMonthPay(start)),
		input: await timed(() => readMonthInput(period, ids, Date.now())),
		statements: await timed(async () => monthStatements(input)),
		answers: await timed(() => answersOf(ids)),
		lateChanges: await timed(() => reconcileLateChanges()),
		plans: await timed(() => listPlans()),
		aside: await timed(() => listAsideViews()),
		levels: await timed(() => levels.listLevels())
	};
}
