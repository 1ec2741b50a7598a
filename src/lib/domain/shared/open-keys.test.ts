import { describe, expect, it } from 'vitest';
import { openKeyOf, withOpenKey } from './open-keys';

describe('open keys', () => {
	it('a task has its due time as open key while open only', () => {
		const task = { dueAt: 10, done: false, trashedAt: null };
		expect(openKeyOf('tasks', task)).toBe(10);
		expect(openKeyOf('tasks', { ...task, done: true })).toBeUndefined();
		expect(openKeyOf('tasks', { ...task, trashedAt: 3 })).toBeUndefined();
		expect(openKeyOf('tasks', { ...task, dueAt: NaN })).toBeUndefined();
	});

	it('a ticket has its deadline as open key while its status is open', () => {
		const ticket = { status: 'new', deadlineAt: 20, trashedAt: null };
		expect(openKeyOf('tickets', ticket)).toBe(20);
		expect(openKeyOf('tickets', { ...ticket, status: 'resolved' })).toBeUndefined();
		expect(openKeyOf('tickets', { ...ticket, deadlineAt: undefined })).toBeUndefined();
	});

	it('sets or removes the field on a copy, and returns a record already right as it is', () => {
		const open = { dueAt: 10, done: false, trashedAt: null };
		const set = withOpenKey('tasks', open);
		expect(set).toEqual({ ...open, openDueAt: 10 });
		expect(open).not.toHaveProperty('openDueAt');
		expect(withOpenKey('tasks', set)).toBe(set);
		const done = withOpenKey('tasks', { ...set, done: true });
		expect(done).not.toHaveProperty('openDueAt');
		expect(withOpenKey('tasks', done)).toBe(done);
	});
});
