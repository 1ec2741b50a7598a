import { describe, expect, it } from 'vitest';
import { customerIdOf, TRASH_KINDS } from './kinds';
import { customerStateOf, restoreVerdict } from './restore';

describe('restoreVerdict', () => {
	it('restores a record whose customer is here, or that belongs to none', () => {
		expect(restoreVerdict(true, 'here')).toEqual({ ok: true, withCustomer: false });
		expect(restoreVerdict(true, null)).toEqual({ ok: true, withCustomer: false });
	});
	it('restores a record of a customer in the trash together with the customer', () => {
		expect(restoreVerdict(true, 'trashed')).toEqual({ ok: true, withCustomer: true });
	});
	it('refuses, with the reason, a record whose customer is gone or that is gone itself', () => {
		expect(restoreVerdict(true, 'erased')).toEqual({ ok: false, code: 'customer_erased' });
		expect(restoreVerdict(true, 'missing')).toEqual({ ok: false, code: 'customer_missing' });
		expect(restoreVerdict(false, 'here')).toEqual({ ok: false, code: 'gone' });
		expect(restoreVerdict(false, null)).toEqual({ ok: false, code: 'gone' });
	});
	it('refuses a record this person may not see, whatever its customer', () => {
		expect(restoreVerdict(true, null, false)).toEqual({ ok: false, code: 'private' });
		expect(restoreVerdict(true, 'trashed', false)).toEqual({ ok: false, code: 'private' });
		expect(restoreVerdict(false, null, false)).toEqual({ ok: false, code: 'gone' });
	});
});

describe('customerStateOf', () => {
	it('tells a stored customer, a trashed one, an erased one and one never here apart', () => {
		expect(customerStateOf({ trashedAt: null }, false)).toBe('here');
		expect(customerStateOf({ trashedAt: 5 }, false)).toBe('trashed');
		expect(customerStateOf(undefined, true)).toBe('erased');
		expect(customerStateOf(undefined, false)).toBe('missing');
	});
});

describe('trash kinds', () => {
	it('reads the customer of the kinds that have one, leniently', () => {
		expect(customerIdOf('interactions', { customerId: 'c1' })).toBe('c1');
		expect(customerIdOf('tasks', { customerId: null })).toBeNull();
		expect(customerIdOf('orders', { customerId: '' })).toBeNull();
		expect(customerIdOf('customers', { customerId: 'c1' })).toBeNull();
		expect(customerIdOf('goals', { customerId: 'c1' })).toBeNull();
		expect(customerIdOf('workPlans', { customerId: 'c1' })).toBeNull();
	});
	it('knows its kinds and no others', () => {
		expect(new Set(TRASH_KINDS).size).toBe(TRASH_KINDS.length);
		expect(TRASH_KINDS).not.toContain('members');
		// Keyed records whose removal the team pages undo themselves, and what names a level.
		expect(TRASH_KINDS).not.toContain('memberFacts');
		expect(TRASH_KINDS).not.toContain('periodCloses');
		expect(TRASH_KINDS).not.toContain('levels');
		expect(TRASH_KINDS).not.toContain('tombstones');
	});
});
