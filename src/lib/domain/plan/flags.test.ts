import { describe, expect, it } from 'vitest';
import type { Checklist, ChecklistTick } from './checklists';
import { flagId, mergeFlags } from './flags';

const list: Checklist = {
	id: 'cl1',
	scope: { kind: 'deal_stage', stage: 'proposal' },
	items: [
		{ id: 'a', label: 'Quote approved', required: true },
		{ id: 'b', label: 'Decision maker met', required: true },
		{ id: 'c', label: 'Nice to have', required: false }
	],
	trashedAt: null
};
const tick = (itemId: string, done = true): ChecklistTick => ({
	id: `t-${itemId}`,
	checklistId: 'cl1',
	itemId,
	recordId: 'd1',
	done,
	by: 'm1',
	at: 1
});
const move = (toStage: string, toKind: 'open' | 'won' | 'lost' = 'open') => ({
	kind: 'deal' as const,
	before: { id: 'd1', stage: 'proposal' },
	after: { id: 'd1', stage: toStage },
	toKind,
	by: 'm2'
});

describe('flags of a merge', () => {
	it('names the missing items by their labels, with who moved the deal and in which import', () => {
		const flags = mergeFlags([move('negotiation')], [list], [tick('a')], 'imp1', 5);
		expect(flags).toEqual([
			{
				id: flagId('imp1', 'd1', 'left_stage_unchecked'),
				recordId: 'd1',
				code: 'left_stage_unchecked',
				stage: 'proposal',
				missing: [{ checklistId: 'cl1', itemIds: ['b'] }],
				table: 'deals',
				labels: ['Decision maker met'],
				by: 'm2',
				importId: 'imp1',
				at: 5
			}
		]);
	});

	it('flags nothing when the required items were ticked, or the deal was lost', () => {
		expect(mergeFlags([move('negotiation')], [list], [tick('a'), tick('b')], 'i', 1)).toEqual([]);
		expect(mergeFlags([move('lost', 'lost')], [list], [], 'i', 1)).toEqual([]);
	});

	it('flags a ticket closed with a required item unticked', () => {
		const repair: Checklist = {
			id: 'cl2',
			scope: { kind: 'ticket_kind', ticketKind: 'repair' },
			items: [{ id: 'x', label: 'Photo of the part', required: true }],
			trashedAt: null
		};
		const flags = mergeFlags(
			[
				{
					kind: 'ticket',
					before: { id: 'k1', kind: 'repair', status: 'in_progress' },
					after: { id: 'k1', kind: 'repair', status: 'closed' },
					by: 'm3'
				}
			],
			[repair],
			[],
			'imp2',
			9
		);
		expect(flags.map((f) => [f.table, f.code, f.labels, f.by])).toEqual([
			['tickets', 'closed_unchecked', ['Photo of the part'], 'm3']
		]);
	});
});
