import { describe, expect, it } from 'vitest';
import type { CustomerImportDraft, ImportedField } from '../csv/normalize';
import { customerDraft } from '../csv/test-helpers';
import type { StagedCustomerRow } from './plan';
import { StoredChanges, type StoredValues } from './stored-changes';

const draft = (
	name: string,
	fromFile: ImportedField[],
	p: Partial<CustomerImportDraft> = {}
): CustomerImportDraft => customerDraft(name, { ...p, fromFile });

const row = (
	line: number,
	d: CustomerImportDraft,
	dup: { of?: string; line?: number } = {}
): StagedCustomerRow => ({
	line,
	newId: `new${line}`,
	contactId: `c${line}`,
	draft: d,
	ownerId: 'me',
	duplicateOf: dup.of ?? null,
	duplicateOfLine: dup.line ?? null
});

const STORED = new Map<string, StoredValues>([
	[
		'harbor',
		{ kind: 'company', name: 'Blue Harbor', phones: ['+8613800000101'], stage: 'customer' }
	],
	['lina', { kind: 'person', name: 'Li Na', phones: ['+8613800000102'], city: '' }],
	['acme', { kind: 'company', name: 'Acme Trading Ltd', phones: ['+8613800000103'] }]
]);

/** Feeds batches as the check worker does: plan, read what is unknown, add. */
function count(batches: StagedCustomerRow[][]): { c: StoredChanges; asked: string[][] } {
	const c = new StoredChanges();
	const asked: string[][] = [];
	for (const rows of batches) {
		const { updates, unknown } = c.plan(rows);
		asked.push(unknown);
		const stored = new Map(
			unknown.flatMap((id) => (STORED.has(id) ? [[id, STORED.get(id) ?? {}]] : []))
		);
		c.add(updates, stored);
	}
	return { c, asked };
}

const np: ImportedField[] = ['name', 'phones'];

describe('StoredChanges', () => {
	it('counts per field the stored values an overwrite changes; a repeated value is no change', () => {
		const { c } = count([
			[
				row(2, draft('Blue Harbor', np, { phones: ['+8613800000101'] }), { of: 'harbor' }),
				row(3, draft('Li Na Wang', np, { phones: ['+8613800000102'] }), { of: 'lina' }),
				row(4, draft('Acme Trading Ltd', np, { phones: ['+8613900000109'] }), { of: 'acme' }),
				row(5, draft('New One', np, { phones: ['+8613700000000'] }))
			]
		]);
		expect(c.changes('overwrite')).toEqual([
			['name', 1],
			['phone', 1]
		]);
		expect(c.changes('fill')).toEqual([
			['name', 0],
			['phone', 0]
		]);
	});

	it('a fill changes only the fields a stored customer has empty', () => {
		const { c } = count([
			[row(2, draft('Li Na', ['name', 'city'], { city: '杭州' }), { of: 'lina' })],
			[row(3, draft('Blue Harbor', ['name', 'city'], { city: '上海' }), { of: 'harbor' })]
		]);
		expect(c.changes('fill')).toEqual([
			['name', 0],
			['city', 2]
		]);
		expect(c.changes('overwrite')).toEqual([
			['name', 0],
			['city', 2]
		]);
	});

	it('counts a customer several rows update once per field, by its last value', () => {
		const { c } = count([
			[
				row(2, draft('Li Na Wang', ['name']), { of: 'lina' }),
				row(3, draft('Li Na Zhao', ['name']), { of: 'lina' })
			],
			[row(4, draft('Li Na', ['name']), { of: 'lina' })]
		]);
		expect(c.changes('overwrite')).toEqual([['name', 0]]);
		const moved = count([
			[row(2, draft('Li Na Wang', ['name']), { of: 'lina' })],
			[row(3, draft('Li Na Zhao', ['name']), { line: 2 })]
		]);
		expect(moved.c.changes('overwrite')).toEqual([['name', 1]]);
	});

	it('leaves out customers created by an earlier row of the file, without asking for them', () => {
		const { c, asked } = count([
			[row(2, draft('New One', ['name', 'city'], { city: '北京' }))],
			[row(3, draft('New One', ['name', 'city'], { city: '天津' }), { line: 2 })],
			[
				row(4, draft('Li Na', ['name']), { of: 'lina' }),
				row(5, draft('Li Na', ['name']), { of: 'lina' })
			]
		]);
		expect(asked).toEqual([[], [], ['lina']]);
		expect(c.changes('overwrite')).toEqual([['name', 0]]);
	});

	it('lists nothing when no row matches a stored customer', () => {
		const { c } = count([[row(2, draft('New One', np))]]);
		expect(c.changes('fill')).toEqual([]);
		expect(c.changes('overwrite')).toEqual([]);
	});
});
