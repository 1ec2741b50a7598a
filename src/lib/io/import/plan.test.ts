import { describe, expect, it } from 'vitest';
import type { CustomerImportDraft, ImportedField } from '../csv/normalize';
import { customerDraft as draft } from '../csv/test-helpers';
import { countTotals, fillOnly, planRows, updatePatch, type StagedCustomerRow } from './plan';

const row = (line: number, p: Partial<StagedCustomerRow> = {}): StagedCustomerRow => ({
	line,
	newId: `n${line}`,
	contactId: `k${line}`,
	draft: draft(`Row ${line}`, { city: '杭州' }),
	ownerId: 'me',
	duplicateOf: null,
	duplicateOfLine: null,
	...p
});

const rows = [
	row(2),
	row(3, { duplicateOf: 'stored1' }),
	row(4, { duplicateOfLine: 2 }),
	row(5, { draft: draft('Co', { contact: { name: 'Li', title: '', phones: [], emails: [] } }) })
];

describe('planRows', () => {
	it('skip leaves out stored and in-file duplicates', () => {
		const { ops, counts } = planRows(rows, 'skip', new Map(), 0);
		expect(counts).toEqual({ new: 2, updated: 0, skipped: 2 });
		expect(ops.map((o) => `${o.op}:${o.table}:${o.id}`)).toEqual([
			'create:customers:n2',
			'create:customers:n5',
			'create:contacts:k5'
		]);
		expect(ops[2]).toMatchObject({ data: { customerId: 'n5', name: 'Li', isPrimary: true } });
	});

	it('fill and overwrite update the matched customer, an earlier row included', () => {
		const { ops, counts } = planRows(rows, 'fill', new Map(), 0);
		expect(counts).toEqual({ new: 2, updated: 2, skipped: 0 });
		const updates = ops.filter((o) => o.op === 'update');
		expect(updates.map((o) => o.id)).toEqual(['stored1', 'n2']);
		expect(updates[0]).toMatchObject({ mode: 'fill', patch: { name: 'Row 3', city: '杭州' } });
		expect(updates[0]?.op === 'update' && 'ownerId' in updates[0].patch).toBe(false);
	});

	it('create makes every row new', () => {
		expect(planRows(rows, 'create', new Map(), 0).counts).toEqual({
			new: 4,
			updated: 0,
			skipped: 0
		});
	});

	it('counts from totals agree with the plan for every strategy', () => {
		const dups = rows.filter((r) => r.duplicateOf !== null || r.duplicateOfLine !== null).length;
		expect(dups).toBeGreaterThan(0);
		for (const s of ['skip', 'fill', 'overwrite', 'create'] as const)
			expect(countTotals(rows.length, dups, s)).toEqual(planRows(rows, s, new Map(), 0).counts);
	});

	it('carries earlier rows across batches', () => {
		const earlier = new Map<number, string>();
		planRows(rows.slice(0, 2), 'overwrite', earlier, 0);
		const { ops } = planRows(rows.slice(2), 'overwrite', earlier, 0);
		expect(ops[0]).toMatchObject({ op: 'update', id: 'n2' });
	});
});

describe('updatePatch', () => {
	it('writes only the fields the row gave a value for, never the defaults of a new customer', () => {
		const d = draft('Li Na', { phones: ['+8613800000102'], source: 'import', stage: 'lead' });
		expect(updatePatch({ ...d, fromFile: ['name', 'phones'] })).toEqual({
			name: 'Li Na',
			phones: ['+8613800000102']
		});
	});

	it('never writes an empty value, even for a field the file maps', () => {
		const d = draft('Li Na', { city: '', tags: [] });
		expect(updatePatch({ ...d, fromFile: ['name', 'city', 'tags'] })).toEqual({ name: 'Li Na' });
	});

	it('is what fill and overwrite plan for a matched row, without the owner', () => {
		const d: CustomerImportDraft = {
			...draft('Blue Harbor', { phones: ['+8613800000101'], stage: 'lead', source: 'import' }),
			fromFile: ['name', 'phones'] satisfies ImportedField[]
		};
		for (const strategy of ['fill', 'overwrite'] as const) {
			const { ops } = planRows([row(2, { draft: d, duplicateOf: 's1' })], strategy, new Map(), 0);
			expect(ops).toEqual([
				{
					op: 'update',
					table: 'customers',
					id: 's1',
					patch: { name: 'Blue Harbor', phones: ['+8613800000101'] },
					mode: strategy
				}
			]);
		}
	});

	it('a new customer still takes every value of the draft, defaults included', () => {
		const d = { ...draft('New One', { source: 'import' }), fromFile: ['name'] as ImportedField[] };
		const { ops } = planRows([row(2, { draft: d })], 'overwrite', new Map(), 0);
		expect(ops[0]).toMatchObject({
			op: 'create',
			data: { name: 'New One', stage: 'lead', source: 'import', kind: 'person' }
		});
	});
});

describe('fillOnly', () => {
	it('keeps only fields that are empty on the stored record', () => {
		expect(
			fillOnly(
				{ city: '', phones: [], tier: 'A', name: 'X' },
				{ city: '杭州', phones: ['+86'], tier: 'B' }
			)
		).toEqual({ city: '杭州', phones: ['+86'] });
	});
});
