import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { blankMember, type Member } from '$lib/domain/member/member';
import type { Order } from '$lib/domain/order/order';
import { standingsId } from '$lib/domain/pay/contests';
import { createRecord } from '$lib/sync/edit';
import { db } from '../db';
import { nextStamp } from '../session';
import {
	listContests,
	publishStandings,
	saveContest,
	shownContests,
	type ContestDraft
} from './contests';
import { setTeamZone } from './team-settings';
import { errorCodes } from './test-fixtures';

// March 2026 in Asia/Shanghai (+8).
const MARCH_10 = Date.UTC(2026, 2, 10, 2);

const march: ContestDraft = {
	title: '三月冲刺',
	metric: 'sales_amount',
	currency: 'CNY',
	start: '2026-03-01',
	end: '2026-04-01',
	prize: '调休一天',
	prizeAmount: null
};

async function member(id: string, role: Member['role'] = 'manager'): Promise<void> {
	await db().members.put(createRecord<Member>(id, blankMember(id, role), await nextStamp()));
}

async function sale(id: string, ownerId: string, yuan: number, at = MARCH_10): Promise<void> {
	await db().orders.put(
		createRecord<Order>(
			id,
			{
				customerId: 'c1',
				dealId: null,
				at,
				amount: { minor: yuan * 100, currency: 'CNY' },
				products: [],
				notes: '',
				ownerId,
				trashedAt: null
			},
			await nextStamp()
		)
	);
}

describe('contests', () => {
	it('refuses a contest without a name, prize or a period that runs forward, and stores nothing', async () => {
		const before = await db().contests.count();
		expect(
			await errorCodes(saveContest({ ...march, title: ' ', prize: '', end: '2026-03-01' }))
		).toEqual(['title_required', 'period_invalid', 'prize_required']);
		expect(await errorCodes(saveContest({ ...march, currency: null }))).toEqual([
			'currency_required'
		]);
		expect(await db().contests.count()).toBe(before);
	});

	it("publishes the members' standings from the period's sales, once per contest", async () => {
		await setTeamZone('Asia/Shanghai');
		await member('li');
		await member('wang');
		await member('lead', 'ops_lead');
		await sale('o1', 'li', 3_000);
		await sale('o2', 'wang', 5_000);
		await sale('o3', 'lead', 9_000);
		// The day after the contest (April 1 in Shanghai) does not count.
		await sale('o4', 'li', 10_000, Date.UTC(2026, 2, 31, 17));
		const id = await saveContest(march);
		await publishStandings(id, MARCH_10);
		const standings = await db().contestStandings.get(standingsId(id));
		const rows = standings?.rows.filter((r) => r.value > 0);
		expect(rows).toEqual([
			{ memberId: 'wang', value: 500_000, rank: 1 },
			{ memberId: 'li', value: 300_000, rank: 2 }
		]);
		expect(standings?.rows.map((r) => r.memberId)).not.toContain('lead');

		await sale('o5', 'li', 4_000);
		await publishStandings(id, MARCH_10 + 1);
		const again = (await db().contestStandings.toArray()).filter((s) => s.contestId === id);
		expect(again).toHaveLength(1);
		expect(again[0]?.rows[0]).toEqual({ memberId: 'li', value: 700_000, rank: 1 });
		expect((await listContests()).find((v) => v.contest.id === id)?.standings?.computedAt).toBe(
			MARCH_10 + 1
		);
	});

	it('shows running contests and those just ended, not later ones', async () => {
		const id = await saveContest({ ...march, title: 'Shown' });
		const shown = async (at: number) => (await shownContests(at)).some((v) => v.contest.id === id);
		expect(await shown(MARCH_10)).toBe(true);
		expect(await shown(Date.UTC(2026, 3, 10))).toBe(true);
		expect(await shown(Date.UTC(2026, 4, 1))).toBe(false);
		expect(await shown(Date.UTC(2026, 1, 10))).toBe(false);
	});
});
