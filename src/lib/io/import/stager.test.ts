import { describe, expect, it } from 'vitest';
import type { ImportedRow } from '$lib/io/csv/codec';
import { Stager } from './stager';

const row = (line: number, p: Partial<ImportedRow<unknown>>): ImportedRow<unknown> => ({
	line,
	draft: null,
	issues: [],
	duplicates: [],
	duplicateOfLines: [],
	...p
});

describe('Stager', () => {
	it('keeps rejected rows with their error reasons and cells, not their warnings', () => {
		const s = new Stager('order', new Map(), 'me');
		const out = s.take([
			row(2, {
				cells: ['李四', '2024-01-05', '1'],
				issues: [
					{ field: 'date', code: 'date_ambiguous', severity: 'warning' },
					{ field: 'customerKey', code: 'customer_not_found', severity: 'error' }
				]
			})
		]);
		expect(out).toEqual([]);
		expect(s.rejected).toEqual([
			{ line: 2, codes: ['customer_not_found'], cells: ['李四', '2024-01-05', '1'] }
		]);
	});

	it('keeps the column a cap names with the rejected row', () => {
		const s = new Stager('customer', new Map(), 'me');
		s.take([
			row(3, {
				issues: [{ field: '', code: 'cell_over_limit', severity: 'error', column: 3 }]
			})
		]);
		expect(s.rejected).toEqual([{ line: 3, codes: ['cell_over_limit'], cells: [], column: 3 }]);
	});

	it('stages activity rows with their linked customer and my id as owner', () => {
		const s = new Stager('interaction', new Map(), 'me');
		const draft = { customerKey: 'x', type: 'call', at: 1, summary: 's' };
		const [staged] = s.take([row(3, { draft, customerId: 'c1' })]);
		expect(staged).toMatchObject({
			line: 3,
			customerId: 'c1',
			ownerId: 'me',
			target: 'interaction'
		});
		expect(s.activities).toEqual([{ line: 3, key: expect.any(String), customerId: 'c1' }]);
	});

	it('gives a customer the owner the file names, else me, and remembers its duplicates', () => {
		const s = new Stager('customer', new Map([['李经理', 'm2']]), 'me');
		const draft = (ownerName: string) => ({ name: 'A', ownerName, contact: null });
		const rows = s.take([
			row(2, { draft: draft(' 李经理 ') }),
			row(3, { draft: draft('Nobody'), duplicates: [{ id: 'c9', rule: 'same_email' }] })
		]);
		expect(rows.map((r) => r.ownerId)).toEqual(['m2', 'me']);
		expect(s.customers).toEqual([
			{ line: 2, duplicateOf: null, duplicateOfLine: null },
			{ line: 3, duplicateOf: 'c9', duplicateOfLine: null }
		]);
	});
});
