import { describe, expect, it } from 'vitest';
import { importCounts, storedChanges, type CheckedFile } from './import-step';
import type { FieldChanges } from '$lib/io/import/stored-changes';

const fill: FieldChanges = [['city', 2]];
const overwrite: FieldChanges = [
	['city', 3],
	['tier', 1]
];
const customers: CheckedFile = {
	target: 'customer',
	rejected: [{ line: 9, cells: ['x'], codes: ['name_missing'] }],
	batchRows: [4, 2],
	totals: { rows: 6, duplicates: 2 },
	changes: { fill, overwrite }
};
const interactions: CheckedFile = {
	target: 'interaction',
	rejected: [],
	batchRows: [3],
	activities: [
		{ line: 2, key: 'a', customerId: 'c1' },
		{ line: 3, key: 'a', customerId: 'c1' },
		{ line: 4, key: 'b', customerId: 'c2' }
	],
	duplicates: new Set([3])
};

/** new, updated, skipped and rejected rows, as the result panel lists them. */
const counted = (added: number, updated: number, skipped: number, rejected: number) => ({
	new: added,
	updated,
	skipped,
	rejected
});

describe('importCounts', () => {
	it('counts a customer file by its staged rows and duplicates, per strategy', () => {
		expect(importCounts(customers, 'skip')).toEqual(counted(4, 0, 2, 1));
		expect(importCounts(customers, 'fill')).toEqual(counted(4, 2, 0, 1));
		expect(importCounts(customers, 'overwrite')).toEqual(counted(4, 2, 0, 1));
		expect(importCounts(customers, 'create')).toEqual(counted(6, 0, 0, 1));
	});

	it('counts an interaction file by its lines, skipping the duplicates unless told to create', () => {
		expect(importCounts(interactions, 'skip')).toEqual(counted(2, 0, 1, 0));
		expect(importCounts(interactions, 'create')).toEqual(counted(3, 0, 0, 0));
	});
});

describe('storedChanges', () => {
	it('lists what a fill or an overwrite changes in stored customers', () => {
		expect(storedChanges(customers, 'fill')).toEqual(fill);
		expect(storedChanges(customers, 'overwrite')).toEqual(overwrite);
	});

	it('has nothing for skip, create, a file without changes, or an activity file', () => {
		expect(storedChanges(customers, 'skip')).toBeNull();
		expect(storedChanges(customers, 'create')).toBeNull();
		expect(storedChanges({ ...customers, changes: null }, 'fill')).toBeNull();
		expect(storedChanges(interactions, 'fill')).toBeNull();
	});
});
