import { blankMember, type Member } from '$lib/domain/member/member';
import type { Order } from '$lib/domain/order/order';
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
 * `ordersPerMember` orders this month, and all but a tenth have sent today's report. Written
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
	// Spread over the month so far, an hour apart per member.
	const monthStartAt = now - (Number(today.slice(8)) - 1) * 86_400_000;
	for (const [m, ownerId] of ids.entries())
		for (let k = 0; k < opts.ordersPerMember; k++)
			orders.push(
				createRecord<Order>(
					`rhythm-order-${m}-${k}`,
					{
						customerId: `rhythm-customer-${m}`,
						dealId: null,
						at: Math.min(now - 1, monthStartAt + k * 3_600_000 + m * 60_000),
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
