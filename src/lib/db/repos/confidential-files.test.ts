import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Goal } from '$lib/domain/goal/goal';
import type { StoredDailyReport } from '$lib/domain/plan/synced';
import { openSnapshot } from '$lib/io/snapshot/decode';
import { createRecord } from '$lib/sync/edit';
import type { Exchange } from '$lib/sync/exchange';
import { teammate, TEST_KDF, type Teammate } from './snapshot-teammates';

/**
 * Confidentiality by what a file holds: the decoded bytes of each kind of file, written from a
 * lead's device that holds two managers' goals and daily reports, and from a manager's.
 */
let n = 0;
async function team() {
	n++;
	const lead = await teammate(`conf-lead${n}`, `lead${n}`, '张主管', 'ops_lead');
	const li = `member-li${n}`;
	const wang = `member-wang${n}`;
	for (const who of [li, wang]) {
		await putGoal(lead, `goal-${who}`, who);
		await putReport(lead, `report-${who}`, who);
	}
	// The lead's own goal, and a customer everyone may see.
	await putGoal(lead, 'goal-lead', lead.session.member.id);
	await lead.addCustomer('c1');
	return { lead, li, wang };
}

async function putGoal(t: Teammate, id: string, ownerId: string): Promise<void> {
	await t.db.goals.put(
		createRecord<Goal>(
			id,
			{
				ownerId,
				metric: 'sales_amount',
				periodKind: 'month',
				periodStart: '2026-03-01',
				target: 50_000_00,
				setBy: t.session.member.id,
				trashedAt: null
			},
			t.stamp()
		)
	);
}

async function putReport(t: Teammate, id: string, memberId: string): Promise<void> {
	await t.db.dailyReports.put(
		createRecord<StoredDailyReport>(
			id,
			{
				memberId,
				date: '2026-03-11',
				figures: { contacts: 1, visits: 0, customersReached: 1, dealsMoved: [], ticketsClosed: [] },
				problems: '价格太高',
				helpNeeded: '',
				tomorrowPlan: '',
				sentAt: null,
				leadComment: ''
			},
			t.stamp()
		)
	);
}

/** The ids of each table's records in a file, read back through the decoder. */
async function idsIn(bytes: Uint8Array, passphrase?: string): Promise<Record<string, string[]>> {
	const r = await openSnapshot([bytes], {
		testOnly: TEST_KDF,
		...(passphrase ? { passphrase } : {})
	});
	const out: Record<string, string[]> = {};
	for await (const e of r.entries()) (out[e.t] ??= []).push((e.r as { id: string }).id);
	for (const ids of Object.values(out)) ids.sort();
	return out;
}

const all = { kind: 'all' } as const;

describe('what a file may carry of what is private to a member', () => {
	it('a file for the whole team carries nobody’s goals or reports, the customers still', async () => {
		const { lead } = await team();
		const full = await idsIn(await lead.exportFile(all));
		expect(full.goals).toBeUndefined();
		expect(full.dailyReports).toBeUndefined();
		expect(full.customers).toEqual(['c1']);
		const sent = await lead.send({ recipient: { kind: 'team' }, scope: all });
		const viaExchange = await idsIn(sent.bytes);
		expect(viaExchange.goals).toBeUndefined();
		expect(viaExchange.dailyReports).toBeUndefined();
	});

	it('a file for one member carries theirs and no colleague’s, full or of changes', async () => {
		const { lead, li, wang } = await team();
		const toLi: Exchange = { recipient: { kind: 'member', memberId: li }, scope: all };
		const first = await idsIn((await lead.send(toLi)).bytes);
		expect(first.goals).toEqual([`goal-${li}`]);
		expect(first.dailyReports).toEqual([`report-${li}`]);
		expect(first.customers).toEqual(['c1']);

		// New goals for both: the file of changes for Li Na carries hers only.
		await putGoal(lead, `goal2-${li}`, li);
		await putGoal(lead, `goal2-${wang}`, wang);
		const second = await idsIn((await lead.send(toLi)).bytes);
		expect(second.goals).toEqual([`goal2-${li}`]);
		expect(JSON.stringify(second)).not.toContain(wang);
	});

	it('a member’s goals exported for them are theirs only', async () => {
		const { lead, li } = await team();
		const file = await idsIn(await lead.exportFile({ kind: 'goals', memberId: li }));
		expect(file.goals).toEqual([`goal-${li}`]);
	});

	it('the file a member sends the lead carries their own, not what they hold of others', async () => {
		const { li } = await team();
		// A manager's device that somehow holds a colleague's goal (an old team-wide file).
		const wangDevice = await teammate(`conf-wang${n}`, `wang${n}`, '王经理');
		const wang = wangDevice.session.member.id;
		await putGoal(wangDevice, 'goal-own', wang);
		await putGoal(wangDevice, 'goal-li', li);
		const file = await idsIn(
			(await wangDevice.send({ recipient: { kind: 'lead' }, scope: all })).bytes
		);
		expect(file.goals).toEqual(['goal-own']);
	});

	it('a backup carries everything', async () => {
		const { lead, li, wang } = await team();
		const backup = await idsIn(await lead.exportFile({ kind: 'backup' }));
		expect(backup.goals).toEqual(['goal-lead', `goal-${li}`, `goal-${wang}`].sort());
		expect(backup.dailyReports).toEqual([`report-${li}`, `report-${wang}`].sort());
	});
});
