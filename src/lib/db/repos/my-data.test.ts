import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { blankMember, type Member } from '$lib/domain/member/member';
import { createRecord } from '$lib/sync/edit';
import type { SyncRecord } from '$lib/sync/merge';
import { db } from '../db';
import { getSession, nextStamp } from '../session';
import { createGoal } from './goals';
import { ABOUT_A_MEMBER, collectMyData } from './my-data';
import { setMemberFact } from './team-facts';
import { addMember } from './team-roster';
import { customer, me, newMember, plainLevel, TZ } from './test-fixtures';

describe("a member's own data", () => {
	it('names the tables about a member from the registry', () => {
		const tables = ABOUT_A_MEMBER.map((t) => t.table);
		expect(tables).toEqual(
			expect.arrayContaining(['goals', 'reviews', 'memberFacts', 'payStatements', 'dailyReports'])
		);
		expect(tables).not.toContain('customers');
	});

	it("holds their record, goals and facts, and nothing of a colleague's or of customers", async () => {
		const { member } = await getSession();
		await db().members.put(
			createRecord<Member>('wang', blankMember('王伟', 'manager'), await nextStamp())
		);
		const level = await plainLevel('客户经理');
		await setMemberFact({
			memberId: member.id,
			kind: 'level',
			value: level,
			from: '2026-01-01',
			note: ''
		});
		await setMemberFact({
			memberId: 'wang',
			kind: 'level',
			value: level,
			from: '2026-01-01',
			note: ''
		});
		const goal = {
			metric: 'sales_amount',
			periodKind: 'month',
			periodStart: '2026-03-01',
			target: 1
		} as const;
		const mine = await createGoal({ ...goal, ownerId: member.id }, TZ);
		await createGoal({ ...goal, ownerId: 'wang' }, TZ);
		await customer('我的客户');

		const data = await collectMyData();
		expect(data.memberId).toBe(member.id);
		expect(data.records.members?.map((m) => (m as Member).id)).toEqual([member.id]);
		expect(data.records.goals?.map((g) => (g as { id: string }).id)).toEqual([mine]);
		expect(data.records.memberFacts).toHaveLength(1);
		expect(data.records).not.toHaveProperty('customers');
		expect(JSON.stringify(data)).not.toContain('wang');
		expect(JSON.stringify(data)).not.toContain('"_chg"');
	});

	it('holds every kind of record about them, reviews and pay included, none of a colleague’s', async () => {
		const mine = await me();
		const colleague = await addMember(newMember('李娜'));
		const own = await recordsAbout(mine, '张敏');
		const theirs = await recordsAbout(colleague, '李娜');

		const data = await collectMyData();
		for (const [table, id] of Object.entries(own)) {
			const ids = data.records[table as keyof typeof data.records]?.map((r) => (r as Row).id);
			expect(ids, table).toContain(id);
		}
		const text = JSON.stringify(data);
		for (const id of Object.values(theirs)) expect(text).not.toContain(id);
		expect(text).not.toContain('李娜');
	});

	it('leaves out a review the lead has not signed, and a statement of a month still open', async () => {
		const mine = await me();
		const draft = await put('reviews', `review:${mine}:quarter:2026-04-01`, {
			memberId: mine,
			leadSignedAt: null,
			strengths: '草稿：尚未与本人沟通',
			trashedAt: null
		});
		const open = await put('payStatements', `st-open:${mine}`, {
			memberId: mine,
			closedAt: null
		});

		const text = JSON.stringify(await collectMyData());
		expect(text).not.toContain(draft);
		expect(text).not.toContain('草稿');
		expect(text).not.toContain(open);
		// What reached them is still in it.
		expect(text).toContain(`review:${mine}:quarter:2026-01-01`);
	});
});

type Row = SyncRecord & Record<string, unknown>;

async function put(table: string, id: string, data: Record<string, unknown>): Promise<string> {
	await db()
		.table(table)
		.put(createRecord<Row>(id, data, await nextStamp()));
	return id;
}

/** One record of each kind about `memberId`, its texts tagged; returns their ids by table. */
async function recordsAbout(memberId: string, tag: string): Promise<Record<string, string>> {
	return {
		reviews: await put('reviews', `review:${memberId}:quarter:2026-01-01`, {
			memberId,
			leadSignedAt: 5,
			strengths: `${tag} 回访及时`,
			trashedAt: null
		}),
		payStatements: await put('payStatements', `st:${memberId}`, {
			memberId,
			totalMinor: 800_000,
			closedAt: 9
		}),
		payAcks: await put('payAcks', `ack:${memberId}`, { memberId, kind: 'statement', at: 3 }),
		payDisputes: await put('payDisputes', `dispute:${memberId}`, {
			memberId,
			comment: `${tag} 提成少算`,
			at: 4
		}),
		payAdjustments: await put('payAdjustments', `adj:${memberId}`, { memberId, minor: 100 }),
		trainingRecords: await put('trainingRecords', `tr:${memberId}`, {
			memberId,
			courseId: 'c',
			hours: 2,
			trashedAt: null
		}),
		trainingPlans: await put('trainingPlans', `tp:${memberId}`, { memberId, courseIds: [] }),
		workPlans: await put('workPlans', `plan:${memberId}:week:2026-03-09`, {
			memberId,
			leadComment: `${tag} 多拜访`,
			trashedAt: null
		}),
		dailyReports: await put('dailyReports', `report:${memberId}:2026-03-10`, {
			memberId,
			date: '2026-03-10',
			problems: `${tag} 报价慢`
		})
	};
}
