import { describe, expect, it } from 'vitest';
import type { InteractionImportDraft, OrderImportDraft } from '../csv/normalize-activity';
import {
	activityKey,
	countActivity,
	duplicateLines,
	planActivity,
	rowKey,
	type StagedActivityRow
} from './activity-plan';

const call = (line: number, summary: string, customerId = 'c1'): StagedActivityRow => ({
	line,
	newId: `n${line}`,
	customerId,
	ownerId: 'm1',
	target: 'interaction',
	draft: {
		customerKey: 'x',
		type: 'call',
		at: 1000,
		durationMinutes: 5,
		summary,
		outcome: '',
		satisfaction: null,
		nextFollowUp: null
	} satisfies InteractionImportDraft
});

const order: StagedActivityRow = {
	line: 9,
	newId: 'o9',
	customerId: 'c2',
	ownerId: 'm1',
	target: 'order',
	draft: {
		customerKey: 'x',
		orderNo: 'SO-1',
		at: 5,
		amount: { minor: -5000, currency: 'CNY' },
		products: ['退款'],
		quantity: 2,
		notes: '原单作废'
	} satisfies OrderImportDraft
};

describe('activity plan', () => {
	it('skips a row already stored or repeated in the file, unless "create anyway"', () => {
		const rows = [call(2, 'a'), call(3, 'b'), call(4, 'a'), call(5, 'a', 'c2')];
		const stored = new Set([
			activityKey({ customerId: 'c1', at: 1000, type: 'call', summary: 'b' })
		]);
		const dup = duplicateLines(
			rows.map((r) => ({ line: r.line, key: rowKey(r) })),
			stored
		);
		expect([...dup]).toEqual([3, 4]);
		expect(countActivity(rows, 'skip', dup)).toEqual({ new: 2, updated: 0, skipped: 2 });
		expect(countActivity(rows, 'overwrite', dup)).toEqual({ new: 2, updated: 0, skipped: 2 });
		expect(countActivity(rows, 'create', dup)).toEqual({ new: 4, updated: 0, skipped: 0 });
		const plan = planActivity(rows, 'skip', dup);
		expect(plan.ops.map((o) => o.id)).toEqual(['n2', 'n5']);
		expect(plan.counts).toEqual(countActivity(rows, 'skip', dup));
		expect(planActivity(rows, 'create', dup).ops).toHaveLength(4);
	});

	it('makes interaction and order records linked to their customer', () => {
		const { ops } = planActivity([call(2, 'a'), order], 'skip', new Set());
		expect(ops[0]).toEqual({
			op: 'create',
			table: 'interactions',
			id: 'n2',
			data: {
				customerId: 'c1',
				ownerId: 'm1',
				trashedAt: null,
				type: 'call',
				at: 1000,
				durationMinutes: 5,
				summary: 'a',
				outcome: '',
				satisfaction: null,
				nextFollowUp: null
			}
		});
		expect(ops[1]).toEqual({
			op: 'create',
			table: 'orders',
			id: 'o9',
			data: {
				customerId: 'c2',
				ownerId: 'm1',
				trashedAt: null,
				dealId: null,
				at: 5,
				amount: { minor: -5000, currency: 'CNY' },
				products: ['退款'],
				notes: '原单作废\n#SO-1 ×2'
			}
		});
	});

	it('keys an order by customer, time, amount and products', () => {
		const a = { customerId: 'c', at: 1, amount: { minor: -5000, currency: 'CNY' }, products: [] };
		expect(activityKey(a)).not.toBe(
			activityKey({ ...a, amount: { minor: 5000, currency: 'CNY' } })
		);
		expect(activityKey(a)).toBe(activityKey({ ...a }));
	});

	it('gives an imported contact with a coming "next follow-up" its follow-up task, not a past one', () => {
		const now = new Date(2026, 10, 27, 15).getTime();
		const withNext = (line: number, nextFollowUp: string | null): StagedActivityRow => {
			const r = call(line, `contact ${line}`);
			return { ...r, draft: { ...(r.draft as InteractionImportDraft), nextFollowUp } };
		};
		let k = 0;
		const { ops, counts } = planActivity(
			[
				withNext(2, '2026-12-03'),
				withNext(3, '2026-11-27'),
				withNext(4, '2026-11-26'),
				withNext(5, null),
				order
			],
			'skip',
			new Set(),
			{ now, newId: () => `t${++k}` }
		);
		const tasks = ops.filter((o) => o.table === 'tasks');
		expect(tasks.map((o) => o.id)).toEqual(['t1', 't2']);
		expect(tasks[0]?.data).toMatchObject({
			kind: 'follow_up',
			fromInteractionId: 'n2',
			customerId: 'c1',
			ownerId: 'm1',
			title: 'contact 2',
			done: false,
			dueAt: new Date(2026, 11, 3).getTime()
		});
		expect(tasks[1]?.data).toMatchObject({ fromInteractionId: 'n3' });
		// Tasks come with their contact; the counts are of the file's rows.
		expect(counts.new).toBe(5);
		expect(planActivity([withNext(2, '2026-12-03')], 'skip', new Set()).ops).toHaveLength(1);
	});
});
