import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { checklistId } from '$lib/domain/plan/checklists';
import { createRecord } from '$lib/sync/edit';
import type { SyncRecord } from '$lib/sync/merge';
import { rhythmSamples } from '$lib/testing/rhythm-samples';
import { ChecklistIncomplete } from './checklist-gate';
import { flagsOf } from './checklist-flags';
import {
	checklistsOfRecord,
	listChecklists,
	removeChecklist,
	saveChecklist,
	setTick
} from './checklists';
import { createDeal, getDeal, moveDealTo } from './deals';
import { dumpTables, teammate, type Teammate } from './snapshot-teammates';
import { undoSnapshotImportWith } from './snapshot-undo';
import { listSnapshotImportsWith } from './snapshot-imports';
import { customer, dealDraft, errorCodes, me } from './test-fixtures';
import { closeTicket, createTicket, getTicket, resolveTicket, setTicketStatus } from './tickets';

const PROPOSAL = { kind: 'deal_stage', stage: 'proposal' } as const;

/** Writes a record into a teammate's database as it is, stamped by them. */
async function put(t: Teammate, table: string, id: string, data: Record<string, unknown>) {
	await t.db
		.table(table)
		.put(createRecord<SyncRecord & Record<string, unknown>>(id, data, t.stamp()));
}

async function refusal(p: Promise<unknown>): Promise<ChecklistIncomplete> {
	const e = await p.then(
		() => null,
		(err: unknown) => err
	);
	expect(e).toBeInstanceOf(ChecklistIncomplete);
	return e as ChecklistIncomplete;
}

async function dealIn(stage: string): Promise<string> {
	return createDeal(dealDraft(await customer('清单客户'), await me(), '清单商机'), stage);
}

describe('checklists', () => {
	it('keeps one checklist per scope, and refuses no items, an empty or long item label', async () => {
		const id = await saveChecklist({
			scope: PROPOSAL,
			items: [
				{ label: ' 报价已审批 ', required: true },
				{ label: '方案已演示', required: false }
			]
		});
		expect(id).toBe(checklistId(PROPOSAL));
		const [list] = (await listChecklists()).filter((c) => c.id === id);
		expect(list?.items.map((i) => [i.label, i.required])).toEqual([
			['报价已审批', true],
			['方案已演示', false]
		]);
		expect(await errorCodes(saveChecklist({ scope: PROPOSAL, items: [] }))).toEqual([
			'items_empty'
		]);
		expect(
			await errorCodes(
				saveChecklist({
					scope: PROPOSAL,
					items: [
						{ label: '  ', required: true },
						{ label: 'x'.repeat(201), required: false }
					]
				})
			)
		).toEqual(['item_label_required', 'label_too_long']);
		expect(
			await errorCodes(
				saveChecklist({
					scope: { kind: 'deal_stage', stage: '' },
					items: [{ label: 'a', required: true }]
				})
			)
		).toEqual(['scope_invalid']);
		// A refused save changed nothing.
		expect((await listChecklists()).find((c) => c.id === id)?.items).toHaveLength(2);
	});

	it('stops a deal leaving its stage until the required items are ticked, but never a loss', async () => {
		await saveChecklist({
			scope: { kind: 'deal_stage', stage: 'needs_confirmed' },
			items: [
				{ label: '预算已确认', required: true },
				{ label: '决策人已见面', required: true },
				{ label: '可选项', required: false }
			]
		});
		const deal = await dealIn('needs_confirmed');
		const scope = { kind: 'deal_stage', stage: 'needs_confirmed' } as const;
		const e = await refusal(moveDealTo(deal, 'proposal'));
		expect(e.labels).toEqual(['预算已确认', '决策人已见面']);
		expect(e.errors).toEqual([{ field: 'stage', code: 'checklist_incomplete' }]);
		expect((await getDeal(deal))?.stage).toBe('needs_confirmed');

		const [list] = await checklistsOfRecord(scope, deal);
		const [budget, meeting] = list!.items;
		await setTick(deal, list!.checklist.id, budget!.id, true);
		expect((await refusal(moveDealTo(deal, 'proposal'))).labels).toEqual(['决策人已见面']);
		await setTick(deal, list!.checklist.id, meeting!.id, true);
		await setTick(deal, list!.checklist.id, meeting!.id, false);
		expect((await refusal(moveDealTo(deal, 'won'))).labels).toEqual(['决策人已见面']);
		await setTick(deal, list!.checklist.id, meeting!.id, true);
		const [after] = await checklistsOfRecord(scope, deal);
		expect(after!.items.map((i) => i.done)).toEqual([true, true, false]);
		await moveDealTo(deal, 'proposal');
		expect((await getDeal(deal))?.stage).toBe('proposal');

		const lost = await dealIn('needs_confirmed');
		await moveDealTo(lost, 'lost', { lostReason: '预算取消', competitor: '无' });
		expect((await getDeal(lost))?.stage).toBe('lost');

		// A removed checklist stops nothing.
		const other = await dealIn('needs_confirmed');
		await removeChecklist(list!.checklist.id);
		await moveDealTo(other, 'proposal');
		expect((await getDeal(other))?.stage).toBe('proposal');
	});

	it('stops a ticket being resolved or closed until its kind’s required items are ticked', async () => {
		const id = await saveChecklist({
			scope: { kind: 'ticket_kind', ticketKind: 'repair' },
			items: [{ label: '已拍照留存', required: true }]
		});
		const ticket = await createTicket({
			customerId: await customer('维修客户'),
			kind: 'repair',
			priority: 'normal',
			title: '设备维修',
			description: '',
			openedAt: Date.now(),
			ownerId: await me()
		});
		for (const attempt of [
			() => closeTicket(ticket, 5),
			() => resolveTicket(ticket, '已更换零件'),
			() => setTicketStatus(ticket, 'closed')
		])
			expect((await refusal(attempt())).errors).toEqual([
				{ field: 'status', code: 'checklist_incomplete' }
			]);
		// Moving between open statuses is not closing.
		await setTicketStatus(ticket, 'waiting_customer');
		expect((await getTicket(ticket))?.status).toBe('waiting_customer');
		const item = (await listChecklists()).find((c) => c.id === id)!.items[0]!;
		await setTick(ticket, id, item.id, true);
		await resolveTicket(ticket, '已更换零件');
		expect((await getTicket(ticket))?.status).toBe('resolved');
	});
});

describe('checklists between teammates', () => {
	it('travel with every other rhythm record in the file a member sends the lead', async () => {
		const a = await teammate('cl-a1', 'cla1', '王经理');
		const b = await teammate('cl-b1', 'clb1', '李主管', 'ops_lead');
		const samples = rhythmSamples(a.session.member.id, 'deal-x', a.stamp, Date.now());
		for (const [table, rows] of Object.entries(samples)) await a.db.table(table).bulkPut(rows);
		// The member's plans and reports are theirs: they go to the lead, not to the whole team.
		const file = await a.send({ recipient: { kind: 'lead' }, scope: { kind: 'all' } });
		await b.importFile(file.bytes);
		const [sent, got] = [await dumpTables(a), await dumpTables(b)];
		for (const table of Object.keys(samples)) expect(got[table], table).toEqual(sent[table]);
	});

	it('flag, not refuse, a deal moved elsewhere past a required item; undo drops the flag', async () => {
		const lead = await teammate('cl-a2', 'cla2', '李主管', 'ops_lead');
		const manager = await teammate('cl-b2', 'clb2', '王经理');
		const c = await lead.addCustomer('cl-c2');
		const listId = checklistId(PROPOSAL);
		const deal = {
			customerId: c,
			title: '跨设备商机',
			stage: 'proposal',
			amount: { minor: 100, currency: 'CNY' },
			expectedClose: '',
			probability: 50,
			products: [],
			competitor: '',
			nextStep: '',
			lostReason: '',
			ownerId: manager.session.member.id,
			createdAt: Date.now(),
			closedAt: null,
			trashedAt: null
		};
		await put(lead, 'deals', 'cl-d2', deal);
		await put(lead, 'checklists', listId, {
			scope: PROPOSAL,
			items: [{ id: 'quote', label: '报价已审批', required: true }],
			trashedAt: null
		});
		await manager.importFile(await lead.exportFile());
		// The manager's device (an older version, say) moves the deal on without the tick.
		await manager.edit('deals', 'cl-d2', { stage: 'negotiation' });
		await lead.importFile(await manager.exportFile());

		expect((await lead.db.deals.get('cl-d2'))?.stage).toBe('negotiation');
		const flags = await lead.db.checklistFlags.where('recordId').equals('cl-d2').toArray();
		expect(flags).toMatchObject([
			{
				table: 'deals',
				code: 'left_stage_unchecked',
				stage: 'proposal',
				labels: ['报价已审批'],
				by: manager.session.member.id
			}
		]);
		// The app reads the flags of its own database; this one is the lead's test database.
		expect(await flagsOf('cl-d2')).toEqual([]);

		const [imported] = await listSnapshotImportsWith(lead);
		await undoSnapshotImportWith(lead, imported!.importId);
		expect(await lead.db.checklistFlags.count()).toBe(0);
	});

	it('flag nothing when the tick came in the same file', async () => {
		const lead = await teammate('cl-a3', 'cla3', '李主管', 'ops_lead');
		const manager = await teammate('cl-b3', 'clb3', '王经理');
		const c = await lead.addCustomer('cl-c3');
		const listId = checklistId(PROPOSAL);
		await put(lead, 'deals', 'cl-d3', {
			customerId: c,
			title: '已勾选商机',
			stage: 'proposal',
			amount: { minor: 100, currency: 'CNY' },
			ownerId: manager.session.member.id,
			trashedAt: null
		});
		await put(lead, 'checklists', listId, {
			scope: PROPOSAL,
			items: [{ id: 'quote', label: '报价已审批', required: true }],
			trashedAt: null
		});
		await manager.importFile(await lead.exportFile());
		await put(manager, 'checklistTicks', `tick:cl-d3:${listId}:quote`, {
			checklistId: listId,
			itemId: 'quote',
			recordId: 'cl-d3',
			done: true,
			by: 'x',
			at: 1
		});
		await manager.edit('deals', 'cl-d3', { stage: 'negotiation' });
		await lead.importFile(await manager.exportFile());
		expect((await lead.db.deals.get('cl-d3'))?.stage).toBe('negotiation');
		expect(await lead.db.checklistFlags.count()).toBe(0);
	});
});
