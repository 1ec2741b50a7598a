import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { blankMember, type Member } from '$lib/domain/member/member';
import type { Order } from '$lib/domain/order/order';
import type { PayAsideEntry } from '$lib/domain/pay/screen';
import { planOf, YUAN } from '$lib/domain/pay/test-helpers';
import type { TeamBonusDraft } from '$lib/domain/pay/team-bonus-check';
import { createRecord, editRecord } from '$lib/sync/edit';
import { db } from '../db';
import { nextStamp, updateMyProfile } from '../session';
import { addAdjustment, adjustmentMonth } from './pay-adjustments';
import {
	dismissAside,
	listAsideViews,
	restoreAside,
	takePayAside,
	undoTakePayAside
} from './pay-aside';
import { closePayMonth } from './pay-close';
import { savePlan, type PlanDraft } from './pay-plans';
import { loadMonthPay } from './pay-statements';
import { addTeamBonus, listTeamBonuses, trashTeamBonus } from './pay-team-bonuses';
import { setMemberFact } from './team-facts';
import { setTeamZone } from './team-settings';
import { errorCodes, plainLevel } from './test-fixtures';

// March and April 2026 in Asia/Shanghai (+8).
const MARCH_AT = Date.UTC(2026, 2, 10, 2);
const APRIL_5 = Date.UTC(2026, 3, 5, 2);
const MARCH = '2026-03-01';
const APRIL = '2026-04-01';

let level = '';
const LI = 'm-li';
const WANG = 'm-wang';

async function order(id: string, owner: string, yuan: number): Promise<void> {
	await db().orders.put(
		createRecord<Order>(
			id,
			{
				customerId: 'c1',
				dealId: null,
				at: MARCH_AT,
				amount: { minor: yuan * YUAN, currency: 'CNY' },
				products: [],
				notes: '',
				ownerId: owner,
				trashedAt: null
			},
			await nextStamp()
		)
	);
}

const bonus = (over: Partial<TeamBonusDraft> = {}): TeamBonusDraft => ({
	periodStart: MARCH,
	pot: { minor: 1_200_050, currency: 'CNY' },
	method: 'sales',
	memberIds: [LI, WANG],
	note: 'Q1 push',
	...over
});

async function lineOf(start: string, member: string, kind: string, now: number) {
	const month = await loadMonthPay(start, now);
	const row = month.rows.find((r) => r.memberId === member)?.row;
	return row?.state === 'computed' ? row.statement.lines.filter((l) => l.detail.kind === kind) : [];
}

beforeAll(async () => {
	await updateMyProfile({ name: '周主管', role: 'ops_lead' });
	await setTeamZone('Asia/Shanghai');
	for (const [id, name] of [
		[LI, '李娜'],
		[WANG, '王强']
	] as const)
		await db().members.put(
			createRecord<Member>(id, blankMember(name, 'manager'), await nextStamp())
		);
	level = await plainLevel('客户经理');
	for (const m of [LI, WANG])
		await setMemberFact({ memberId: m, kind: 'level', value: level, from: '2026-01-01', note: '' });
	const { id: _i, trashedAt: _t, ...plan } = planOf({ levelId: level, effective: '2026-01-01' });
	await savePlan({ ...(plan as PlanDraft), levelId: level });
	await order('o1', LI, 150_000);
	await order('o2', WANG, 50_000);
});

describe('team bonus', () => {
	it('refuses bad input and stores nothing', async () => {
		expect(await errorCodes(addTeamBonus(bonus({ memberIds: [] }), MARCH_AT))).toEqual([
			'bonus_members_empty'
		]);
		expect(
			await errorCodes(addTeamBonus(bonus({ pot: { minor: 0, currency: 'CNY' } }), MARCH_AT))
		).toEqual(['bonus_pot_invalid']);
		expect(
			await errorCodes(
				addTeamBonus(bonus({ pot: { minor: Number.NaN, currency: 'CNY' } }), MARCH_AT)
			)
		).toEqual(['bonus_pot_invalid']);
		// No signed review in March: a split by score weighs nobody.
		expect(await errorCodes(addTeamBonus(bonus({ method: 'review_score' }), MARCH_AT))).toEqual([
			'bonus_scores_none'
		]);
		expect(
			await errorCodes(
				addTeamBonus(bonus({ method: 'equal', pot: { minor: 100, currency: 'USD' } }), MARCH_AT)
			)
		).toEqual(['bonus_currency_mismatch']);
		expect(await db().payTeamBonuses.count()).toBe(0);
	});

	it('puts each share on its statement, split by sales to the fen', async () => {
		const id = await addTeamBonus(bonus(), MARCH_AT);
		expect((await listTeamBonuses(MARCH)).map((b) => b.id)).toEqual([id]);
		// ¥12,000.50 split 150,000 : 50,000 → ¥9,000.375 and ¥3,000.125, the odd fen to Li.
		const [li] = await lineOf(MARCH, LI, 'team_bonus', MARCH_AT);
		const [wang] = await lineOf(MARCH, WANG, 'team_bonus', MARCH_AT);
		expect(li).toMatchObject({ minor: 900_038, appliesToMinor: 1_200_050 });
		expect(wang).toMatchObject({ minor: 300_012, appliesToMinor: 1_200_050 });
		await trashTeamBonus(id, false, MARCH_AT);
		expect(await lineOf(MARCH, LI, 'team_bonus', MARCH_AT)).toEqual([]);
		await trashTeamBonus(id, true, MARCH_AT);
		expect(await lineOf(MARCH, LI, 'team_bonus', MARCH_AT)).toHaveLength(1);
	});
});

describe('typed adjustments', () => {
	it('refuses no reason, no amount, an unknown member, and stores nothing', async () => {
		const draft = {
			memberId: LI,
			kind: 'one_off_bonus',
			amountMinor: 50_000,
			currency: 'CNY',
			note: 'Tender'
		};
		expect(await errorCodes(addAdjustment({ ...draft, note: ' ' }, MARCH_AT))).toEqual([
			'adjustment_reason_required'
		]);
		expect(await errorCodes(addAdjustment({ ...draft, amountMinor: 0 }, MARCH_AT))).toEqual([
			'adjustment_amount_invalid'
		]);
		expect(await errorCodes(addAdjustment({ ...draft, memberId: 'nobody' }, MARCH_AT))).toEqual([
			'adjustment_member_unknown'
		]);
		expect(await errorCodes(addAdjustment({ ...draft, currency: 'USD' }, MARCH_AT))).toEqual([
			'adjustment_currency_mismatch'
		]);
		expect(await db().payAdjustments.count()).toBe(0);
	});

	it('lands in the next open month once the month is closed, and leaves March as written', async () => {
		await closePayMonth(MARCH, APRIL_5);
		expect(await errorCodes(addTeamBonus(bonus(), APRIL_5))).toEqual(['bonus_period_closed']);
		const march = JSON.stringify(await db().payStatements.toArray());
		expect(await adjustmentMonth(APRIL_5)).toBe(APRIL);
		await addAdjustment(
			{ memberId: LI, kind: 'one_off_bonus', amountMinor: 50_000, currency: 'CNY', note: 'Tender' },
			APRIL_5
		);
		await addAdjustment(
			{ memberId: WANG, kind: 'clawback', amountMinor: 12_345, currency: 'CNY', note: 'Refund' },
			APRIL_5
		);
		expect(await lineOf(APRIL, LI, 'adjustment', APRIL_5)).toMatchObject([
			{ minor: 50_000, detail: { adjustmentKind: 'one_off_bonus', note: 'Tender' } }
		]);
		expect(await lineOf(APRIL, WANG, 'adjustment', APRIL_5)).toMatchObject([
			{ minor: -12_345, detail: { adjustmentKind: 'clawback', note: 'Refund' } }
		]);
		expect(JSON.stringify(await db().payStatements.toArray())).toBe(march);
	});
});

describe('versions set aside', () => {
	async function setAside(
		table: 'payPlans' | 'payAdjustments',
		patch: Record<string, unknown>,
		importId: string
	): Promise<PayAsideEntry> {
		const rows =
			table === 'payPlans'
				? await db().payPlans.toArray()
				: (await db().payAdjustments.toArray()).filter((a) => a.memberId === LI);
		const mine = rows[0]!;
		const theirs = editRecord(mine, patch, { ...(await nextStamp()), by: WANG }).next;
		const entry: PayAsideEntry = {
			id: `${table}:${mine.id}:${importId}`,
			table,
			recordId: mine.id,
			reason: 'manager_edit',
			authors: [WANG],
			record: theirs as unknown as Record<string, unknown>,
			importId,
			at: APRIL_5
		};
		await db().payAside.put(entry);
		return entry;
	}
	const liAdjustment = async () =>
		(await db().payAdjustments.toArray()).find((a) => a.memberId === LI)!;

	it('shows what changed; taken is the lead’s edit, and Undo puts both back', async () => {
		const entry = await setAside('payAdjustments', { minor: 90_000 }, 'imp-1');
		const [view] = await listAsideViews();
		expect(view).toMatchObject({
			takeable: true,
			changes: [{ field: 'minor', before: 50_000, after: 90_000 }]
		});
		const taken = await takePayAside(entry.id);
		const adj = await liAdjustment();
		expect(adj.minor).toBe(90_000);
		const me = (await db().members.toArray()).find((m) => m.role === 'ops_lead')!.id;
		expect(adj._meta.fields?.minor?.by).toBe(me);
		expect(await db().payAside.count()).toBe(0);
		await undoTakePayAside(taken);
		expect((await liAdjustment()).minor).toBe(50_000);
		expect(await db().payAside.count()).toBe(1);
		await dismissAside(entry.id);
	});

	it('dismissed leaves the record alone, and Undo brings it back', async () => {
		const entry = await setAside('payAdjustments', { note: 'Nothing' }, 'imp-2');
		const gone = await dismissAside(entry.id);
		expect(await db().payAside.count()).toBe(0);
		expect((await liAdjustment()).note).toBe('Tender');
		await restoreAside(gone);
		expect((await listAsideViews()).map((v) => v.entry.id)).toEqual([entry.id]);
		await dismissAside(entry.id);
	});

	it('refuses to take a change to a plan a closed month was paid under', async () => {
		const entry = await setAside('payPlans', { baseMinor: 900_000 }, 'imp-4');
		expect((await listAsideViews()).find((v) => v.entry.id === entry.id)?.takeable).toBe(false);
		expect(await errorCodes(takePayAside(entry.id))).toEqual(['aside_closed_month']);
		expect((await db().payPlans.toArray())[0]!.baseMinor).toBe(600_000);
		await dismissAside(entry.id);
	});
	it('refuses to take a change to a closed statement', async () => {
		const s = (await db().payStatements.toArray())[0]!;
		const entry: PayAsideEntry = {
			id: `payStatements:${s.id}:imp-3`,
			table: 'payStatements',
			recordId: s.id,
			reason: 'frozen',
			authors: [WANG],
			record: { ...s, totalMinor: 1 } as unknown as Record<string, unknown>,
			importId: 'imp-3',
			at: APRIL_5
		};
		await db().payAside.put(entry);
		expect((await listAsideViews()).find((v) => v.entry.id === entry.id)?.takeable).toBe(false);
		expect(await errorCodes(takePayAside(entry.id))).toEqual(['aside_not_takeable']);
		expect(JSON.stringify(await db().payStatements.get(s.id))).toBe(JSON.stringify(s));
	});
});
