import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { blankMember, type Member } from '$lib/domain/member/member';
import type { Order } from '$lib/domain/order/order';
import { statementId } from '$lib/domain/pay/statement';
import { planOf, YUAN } from '$lib/domain/pay/test-helpers';
import { createRecord } from '$lib/sync/edit';
import { db } from '../db';
import { getSession, nextStamp, updateMyProfile } from '../session';
import { trashOrder } from './orders';
import { acknowledgeMyStatement, disputeMyLine } from './pay-answers';
import { closePayMonth, reconcileLateChanges } from './pay-close';
import { savePlan, type PlanDraft } from './pay-plans';
import { loadMonthPay } from './pay-statements';
import { setMemberFact } from './team-facts';
import { setTeamZone } from './team-settings';
import { errorCodes, plainLevel } from './test-fixtures';

// March and April 2026 in Asia/Shanghai (+8): March 1 begins at Feb 28, 16:00 UTC.
const MARCH_AT = Date.UTC(2026, 2, 10, 2);
const APRIL_5 = Date.UTC(2026, 3, 5, 2);

let li = '';
let level = '';

async function order(id: string, yuan: number, at = MARCH_AT): Promise<void> {
	await db().orders.put(
		createRecord<Order>(
			id,
			{
				customerId: 'c1',
				dealId: null,
				at,
				amount: { minor: yuan * YUAN, currency: 'CNY' },
				products: [],
				notes: '',
				ownerId: li,
				trashedAt: null
			},
			await nextStamp()
		)
	);
}

const { id: _id, trashedAt: _t, ...PLAN } = planOf({ levelId: 'x', effective: '2026-01-01' });
const draft = (over: Partial<PlanDraft> = {}): PlanDraft => ({ ...PLAN, levelId: level, ...over });

beforeAll(async () => {
	await updateMyProfile({ name: '周主管', role: 'ops_lead' });
	await setTeamZone('Asia/Shanghai');
	li = 'm-li';
	await db().members.put(
		createRecord<Member>(li, blankMember('李娜', 'manager'), await nextStamp())
	);
	level = await plainLevel('客户经理');
	await setMemberFact({ memberId: li, kind: 'level', value: level, from: '2026-01-01', note: '' });
});

describe('pay, from plan to close to late change', () => {
	it('refuses overlapping or gapped brackets and changes nothing', async () => {
		const overlap = draft({
			brackets: [
				{ fromPct: '0', toPct: '100', ratePct: '3' },
				{ fromPct: '90', toPct: null, ratePct: '5' }
			]
		});
		expect(await errorCodes(savePlan(overlap))).toEqual(['brackets_overlap']);
		const gap = draft({
			brackets: [
				{ fromPct: '0', toPct: '100', ratePct: '3' },
				{ fromPct: '110', toPct: null, ratePct: '5' }
			]
		});
		expect(await errorCodes(savePlan(gap))).toEqual(['brackets_gap']);
		expect(await db().payPlans.count()).toBe(0);
	});

	it('pays the hand-computed March, closes it once, and keeps it through a trashed order', async () => {
		await savePlan(draft());
		await order('o1', 100_000);
		await order('o2', 50_000);
		const open = await loadMonthPay('2026-03-01', APRIL_5);
		const row = open.rows.find((r) => r.memberId === li)?.row;
		expect(row?.state === 'computed' && row.statement.totalMinor).toBe(
			(6_000 + 3_000 + 2_500) * YUAN
		);

		expect(await errorCodes(closePayMonth('2026-03-01', MARCH_AT))).toEqual(['period_not_ended']);
		await closePayMonth('2026-03-01', APRIL_5);
		expect(await errorCodes(closePayMonth('2026-03-01', APRIL_5))).toEqual(['period_closed']);
		const id = statementId(li, '2026-03-01');
		const before = JSON.stringify(await db().payStatements.get(id));

		await trashOrder('o2');
		expect(await reconcileLateChanges(APRIL_5 + 1)).toBe(1);
		// Twice: the same change is adjusted once.
		expect(await reconcileLateChanges(APRIL_5 + 2)).toBe(0);
		expect(JSON.stringify(await db().payStatements.get(id))).toBe(before);
		const [adj] = await db().payAdjustments.toArray();
		expect(adj).toMatchObject({
			kind: 'clawback',
			minor: -2_500 * YUAN,
			periodStart: '2026-04-01',
			sourcePeriodStart: '2026-03-01',
			removedOrderIds: ['o2']
		});
		const april = await loadMonthPay('2026-04-01', APRIL_5);
		const aprilRow = april.rows.find((r) => r.memberId === li)?.row;
		const line = aprilRow?.state === 'computed' ? aprilRow.statement.lines.at(-1) : undefined;
		expect(line).toMatchObject({ minor: -2_500 * YUAN, detail: { kind: 'adjustment' } });
	});

	it('refuses a plan effective inside a closed month', async () => {
		const codes = await errorCodes(savePlan(draft({ effective: '2026-03-15' })));
		expect(codes).toContain('plan_effective_in_closed_period');
		expect(await db().payPlans.count()).toBe(1);
	});

	it("refuses a dispute of a line that does not exist, and another's statement", async () => {
		const session = await getSession();
		const me = session.member.id;
		// The lead has no statement of their own: nothing to dispute.
		expect(await errorCodes(disputeMyLine('2026-03-01', 'base', 'why?'))).toEqual([
			'statement_not_found'
		]);
		// Li Na's device: her own statement, a line that is not on it.
		session.member = { ...session.member, id: li };
		try {
			expect(await errorCodes(disputeMyLine('2026-03-01', 'commission:7', 'why?'))).toEqual([
				'line_not_found'
			]);
			expect(await errorCodes(disputeMyLine('2026-03-01', 'base', '  '))).toEqual([
				'comment_required'
			]);
			expect(await db().payDisputes.count()).toBe(0);
			await disputeMyLine('2026-03-01', 'commission:1', '少算了一单');
			await acknowledgeMyStatement('2026-03-01');
			await acknowledgeMyStatement('2026-03-01');
			expect(await db().payDisputes.count()).toBe(1);
			expect(await db().payAcks.count()).toBe(1);
		} finally {
			session.member = { ...session.member, id: me };
		}
		const march = await loadMonthPay('2026-03-01', APRIL_5);
		expect(march.rows.find((r) => r.memberId === li)).toMatchObject({
			acknowledged: true,
			disputes: 1
		});
	});
});
