import { describe, expect, it } from 'vitest';
import { SYNCED_TABLES, specOf } from '../../sync/tables';
import { MEMBER_DATA_TABLES, reachedMember } from './member-data';

const tables = MEMBER_DATA_TABLES.map((t) => t.table);

describe('what a member’s own data export holds', () => {
	it('every table private to a member, by the field naming them', () => {
		const privateOnes = SYNCED_TABLES.filter((t) => specOf(t)?.privateTo);
		expect(privateOnes.length).toBeGreaterThan(5);
		for (const table of privateOnes)
			expect(MEMBER_DATA_TABLES).toContainEqual({ table, field: specOf(table)!.privateTo });
	});

	it('their dated facts and training records too, and nothing about customers', () => {
		expect(tables).toEqual(expect.arrayContaining(['memberFacts', 'trainingRecords']));
		for (const t of ['customers', 'interactions', 'deals', 'orders', 'members', 'courses'])
			expect(tables).not.toContain(t);
		// Each field is one of the table's own.
		for (const { table, field } of MEMBER_DATA_TABLES)
			expect(Object.keys(specOf(table)!.fields)).toContain(field);
		expect(new Set(tables).size).toBe(tables.length);
	});

	it('a review once the lead signed it, a statement once its month closed', () => {
		expect(reachedMember('reviews', { leadSignedAt: null })).toBe(false);
		expect(reachedMember('reviews', {})).toBe(false);
		expect(reachedMember('reviews', { leadSignedAt: 1 })).toBe(true);
		expect(reachedMember('payStatements', { closedAt: null })).toBe(false);
		expect(reachedMember('payStatements', { closedAt: 5 })).toBe(true);
		expect(reachedMember('goals', {})).toBe(true);
	});
});
