import { describe, expect, it } from 'vitest';
import {
	canCloseTicket,
	canLeaveStage,
	checklistId,
	flagsFor,
	tickId,
	validateChecklist,
	type Checklist,
	type ChecklistTick
} from './checklists';

const PROPOSAL: Checklist = {
	id: 'cl-proposal',
	scope: { kind: 'deal_stage', stage: 'proposal' },
	items: [
		{ id: 'quote', label: 'Quote sent', required: true },
		{ id: 'decision', label: 'Decision maker met', required: true },
		{ id: 'ppt', label: 'Slides shared', required: false }
	],
	trashedAt: null
};
const RETURN: Checklist = {
	id: 'cl-return',
	scope: { kind: 'ticket_kind', ticketKind: 'return' },
	items: [{ id: 'refund', label: 'Refund issued', required: true }],
	trashedAt: null
};
const LISTS = [PROPOSAL, RETURN, { ...PROPOSAL, id: 'old', trashedAt: 1 }];

const tick = (
	recordId: string,
	checklistId: string,
	itemId: string,
	done = true,
	at = 1
): ChecklistTick => ({
	id: tickId(recordId, checklistId, itemId),
	checklistId,
	itemId,
	recordId,
	done,
	by: 'm1',
	at
});

const deal = { id: 'd1', stage: 'proposal' };

describe('canLeaveStage', () => {
	it('stops a deal with a required item unticked, naming the items', () => {
		expect(canLeaveStage(deal, LISTS, [tick('d1', 'cl-proposal', 'quote')])).toEqual({
			ok: false,
			code: 'checklist_incomplete',
			missing: [{ checklistId: 'cl-proposal', itemIds: ['decision'] }]
		});
	});
	it('lets it go once every required item is ticked', () => {
		const ticks = [tick('d1', 'cl-proposal', 'quote'), tick('d1', 'cl-proposal', 'decision')];
		expect(canLeaveStage(deal, LISTS, ticks)).toEqual({ ok: true });
	});
	it('counts only this deal’s ticks, and the latest of an item’s ticks', () => {
		const ticks = [
			tick('d2', 'cl-proposal', 'quote'),
			tick('d1', 'cl-proposal', 'decision', true, 1),
			{ ...tick('d1', 'cl-proposal', 'decision', false, 2), id: 'other' },
			tick('d1', 'cl-proposal', 'quote')
		];
		expect(canLeaveStage(deal, LISTS, ticks)).toMatchObject({
			ok: false,
			missing: [{ itemIds: ['decision'] }]
		});
	});
	it('never holds back a lost deal, nor a stage without a checklist', () => {
		expect(canLeaveStage(deal, LISTS, [], 'lost')).toEqual({ ok: true });
		expect(canLeaveStage({ id: 'd1', stage: 'lead' }, LISTS, [])).toEqual({ ok: true });
	});
});

describe('canCloseTicket', () => {
	it('wants the required items of the ticket’s kind', () => {
		const t = { id: 't1', kind: 'return' as const };
		expect(canCloseTicket(t, LISTS, [])).toMatchObject({
			ok: false,
			missing: [{ itemIds: ['refund'] }]
		});
		expect(canCloseTicket(t, LISTS, [tick('t1', 'cl-return', 'refund')])).toEqual({ ok: true });
		expect(canCloseTicket({ id: 't2', kind: 'repair' }, LISTS, [])).toEqual({ ok: true });
	});
});

describe('flagsFor (a change that arrived merged)', () => {
	it('flags a deal that left its stage with required items unticked', () => {
		const flags = flagsFor(
			{ kind: 'deal', before: deal, after: { id: 'd1', stage: 'negotiation' }, toKind: 'open' },
			LISTS,
			[]
		);
		expect(flags).toEqual([
			{
				recordId: 'd1',
				code: 'left_stage_unchecked',
				stage: 'proposal',
				missing: [{ checklistId: 'cl-proposal', itemIds: ['quote', 'decision'] }]
			}
		]);
	});
	it('does not flag a deal that stayed, was lost, or had its items ticked', () => {
		const ticks = [tick('d1', 'cl-proposal', 'quote'), tick('d1', 'cl-proposal', 'decision')];
		const moved = {
			kind: 'deal' as const,
			before: deal,
			after: { id: 'd1', stage: 'won' },
			toKind: 'won' as const
		};
		expect(flagsFor(moved, LISTS, ticks)).toEqual([]);
		expect(flagsFor({ ...moved, after: deal }, LISTS, [])).toEqual([]);
		expect(flagsFor({ ...moved, toKind: 'lost' }, LISTS, [])).toEqual([]);
	});
	it('flags a ticket closed with required items unticked, and only a closing', () => {
		const open = { id: 't1', kind: 'return' as const, status: 'in_progress' as const };
		expect(
			flagsFor({ kind: 'ticket', before: open, after: { ...open, status: 'closed' } }, LISTS, [])
		).toEqual([
			{
				recordId: 't1',
				code: 'closed_unchecked',
				missing: [{ checklistId: 'cl-return', itemIds: ['refund'] }]
			}
		]);
		expect(
			flagsFor({ kind: 'ticket', before: open, after: { ...open, status: 'resolved' } }, LISTS, [])
		).toHaveLength(1);
		expect(
			flagsFor(
				{ kind: 'ticket', before: open, after: { ...open, status: 'waiting_customer' } },
				LISTS,
				[]
			)
		).toEqual([]);
		const closed = { ...open, status: 'closed' as const };
		expect(
			flagsFor(
				{ kind: 'ticket', before: closed, after: { ...closed, status: 'resolved' } },
				LISTS,
				[]
			)
		).toEqual([]);
	});
});

describe('validateChecklist', () => {
	it('accepts the lists', () => {
		expect(validateChecklist(PROPOSAL)).toEqual([]);
		expect(validateChecklist(RETURN)).toEqual([]);
	});
	it('names a bad scope, no items, an unlabelled or repeated item', () => {
		expect(validateChecklist({ scope: { kind: 'deal_stage', stage: ' ' }, items: [] })).toEqual([
			{ code: 'scope_invalid', items: [] },
			{ code: 'items_empty', items: [] }
		]);
		expect(
			validateChecklist({
				scope: { kind: 'ticket_kind', ticketKind: 'praise' as 'return' },
				items: [
					{ id: 'a', label: '', required: true },
					{ id: 'a', label: 'A', required: false }
				]
			})
		).toEqual([
			{ code: 'scope_invalid', items: [] },
			{ code: 'item_label_required', items: [0] },
			{ code: 'item_id_duplicate', items: [1] }
		]);
	});
	it('gives one checklist id per scope, different for a stage and a ticket kind', () => {
		expect(checklistId({ kind: 'deal_stage', stage: 'proposal' })).toBe(
			'checklist:deal_stage:proposal'
		);
		expect(checklistId({ kind: 'ticket_kind', ticketKind: 'return' })).toBe(
			'checklist:ticket_kind:return'
		);
		expect(checklistId({ kind: 'deal_stage', stage: 'return' })).not.toBe(
			checklistId({ kind: 'ticket_kind', ticketKind: 'return' })
		);
	});
});
