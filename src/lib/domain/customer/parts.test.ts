import { describe, expect, it } from 'vitest';
import { CUSTOMER_PARTS as REGISTRY_PARTS } from '$lib/sync/tables';
import { CUSTOMER_PARTS } from './parts';

describe('customer parts', () => {
	// The literal list gives the trash and the merge their record types; the registry of synced
	// tables is what says which tables hang off a customer. They must name the same tables.
	it('names exactly the tables the registry links to a customer', () => {
		expect([...CUSTOMER_PARTS].sort()).toEqual([...REGISTRY_PARTS].sort());
	});
});
