import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { MEMBER_DATA_TABLES } from '$lib/domain/privacy/member-data';
import { createRecord } from '$lib/sync/edit';
import type { SyncRecord } from '$lib/sync/merge';
import { db } from '../db';
import { nextStamp, updateMyProfile } from '../session';
import { collectMemberData, collectMyData } from './member-data';
import { addMember } from './team-roster';
import { customer, me, newMember } from './test-fixtures';

/** A member's own data: theirs, all of it, and nothing of a colleague's. */
type Row = SyncRecord & Record<string, unknown>;

async function put(table: string, id: string, data: Record<string, unknown>): Promise<string> {
	await db()
		.table(table)
		.put(createRecord<Row>(id, data, await nextStamp()));
	return id;
}

/** One record of each kind about `memberId`; returns their ids by table. */
async function recordsAbout(memberId: string, tag: string): Promise<Record<string, string>> {
	const signed = { leadSignedAt: 5, strengths: `${tag} 回访及时`, trashedAt: null };
	return {
		reviews: await put('reviews', `review:${memberId}:quarter:2026-01-01`, { memberId, ...signed }),
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
		goals: await put('goals', `goal:${memberId}`, {
			ownerId: memberId,
			target: 9,
			trashedAt: null
		}),
		memberFacts: await put('memberFacts', `fact:${memberId}`, {
			memberId,
			kind: 'level',
			value: 'lv1',
			from: '2026-01-01',
			trashedAt: null
		}),
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

const idsIn = (data: Awaited<ReturnType<typeof collectMyData>>) =>
	Object.fromEntries(data.tables.map((t) => [t.table, t.records.map((r) => (r as Row).id)]));

describe('a member’s own data', () => {
	it('holds their member record and every record about them, and no colleague’s', async () => {
		await updateMyProfile({ name: '张敏', role: 'manager' });
		const mine = await me();
		const colleague = await addMember(newMember('李娜'));
		const own = await recordsAbout(mine, '张敏');
		const theirs = await recordsAbout(colleague, '李娜');
		await customer('张敏的客户');

		const data = await collectMyData();
		expect(data.member).toMatchObject({ id: mine, name: '张敏', role: 'manager' });
		const ids = idsIn(data);
		for (const [table, id] of Object.entries(own)) expect(ids[table], table).toEqual([id]);
		const text = JSON.stringify(data);
		for (const id of Object.values(theirs)) expect(text).not.toContain(id);
		expect(text).not.toContain('李娜');
		// The records they own are about customers: not in it.
		expect(text).not.toContain('张敏的客户');
		expect(data.tables.map((t) => t.table)).toEqual(MEMBER_DATA_TABLES.map((t) => t.table));
	});

	it('leaves out a review the lead has not signed, and a statement of a month still open', async () => {
		const member = await addMember(newMember('王伟'));
		await put('reviews', `review:${member}:quarter:2026-04-01`, {
			memberId: member,
			leadSignedAt: null,
			trashedAt: null
		});
		await put('payStatements', `st-open:${member}`, { memberId: member, closedAt: null });
		const signed = await put('reviews', `review:${member}:quarter:2026-01-01`, {
			memberId: member,
			leadSignedAt: 7,
			trashedAt: null
		});
		const ids = idsIn(await collectMemberData(member));
		expect(ids.reviews).toEqual([signed]);
		expect(ids.payStatements).toEqual([]);
	});

	it('carries no change number, and refuses a member not stored', async () => {
		// Stored records have one (the test is not vacuous).
		expect((await db().reviews.toArray())[0]).toHaveProperty('_chg');
		const data = await collectMyData();
		expect(JSON.stringify(data)).not.toContain('"_chg"');
		await expect(collectMemberData('no-such-member')).rejects.toThrow('no-such-member');
	});

	it('reads every table through an index on the field naming the member', () => {
		for (const { table, field } of MEMBER_DATA_TABLES)
			expect(db().table(table).schema.idxByName[field], `${table}.${field}`).toBeDefined();
	});
});
