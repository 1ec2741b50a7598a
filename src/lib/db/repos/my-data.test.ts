import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { blankMember, type Member } from '$lib/domain/member/member';
import { createRecord } from '$lib/sync/edit';
import { db } from '../db';
import { getSession, nextStamp } from '../session';
import { createGoal } from './goals';
import { ABOUT_A_MEMBER, collectMyData } from './my-data';
import { setMemberFact } from './team-facts';
import { customer, plainLevel, TZ } from './test-fixtures';

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
});
