import { describe, expect, it } from 'vitest';
import type { Customer } from '$lib/domain/customer/customer';
import { emptyCustomerDraft } from '$lib/domain/customer/empty';
import { GroupFinder } from './group-finder.svelte';
import { MergeState } from './merge-state.svelte';

const customer = (id: string, createdAt: number, over: Partial<Customer> = {}): Customer => ({
	...emptyCustomerDraft('m1'),
	id,
	_meta: { created: { hlc: '0', by: 'm1' }, updated: '0' },
	createdAt,
	lastContactAt: null,
	trashedAt: null,
	searchKeys: '',
	...over
});

const a = customer('a', 300, { name: 'Wang Fang', phones: ['+8613800138000'], city: 'Hangzhou' });
const b = customer('b', 100, { name: 'Fang Wang', phones: ['+8613800138000', '+861062345678'] });
const c = customer('c', 200, { name: 'W. Fang', phones: ['+8613800138000'], city: 'Ningbo' });

describe('MergeState', () => {
	it('keeps the oldest record by default and asks only about differing fields', () => {
		const form = new MergeState([a, b, c]);
		expect(form.survivorId).toBe('b');
		expect(form.included).toEqual(['a', 'b', 'c']);
		expect(form.fields).toEqual(['name', 'phones', 'city']);
		expect(form.choices.name).toBe('b');
		expect(form.choices.city).toBe('a');
		expect(form.choices.phones).toBe('union');
		expect(form.unionOf('phones')).toEqual(['+8613800138000', '+861062345678']);
		expect(form.otherIds).toEqual(['a', 'c']);
	});

	it('drops a choice and the kept record when their record leaves the merge', () => {
		const form = new MergeState([a, b, c]);
		form.pick('city', 'c');
		form.pick('name', 'a');
		expect(form.choices.city).toBe('c');
		form.include('c', false);
		expect(form.choices.city).toBe('a');
		expect(form.choices.name).toBe('a');
		form.include('b', false);
		expect(form.survivorId).toBe('a');
		expect(form.otherIds).toEqual([]);
		form.include('c', true);
		expect(form.included).toEqual(['a', 'c']);
		// The user's pick comes back with its record.
		expect(form.choices.city).toBe('c');
	});

	it('keeping an excluded record brings it back into the merge', () => {
		const form = new MergeState([a, b]);
		form.include('a', false);
		form.keep('a');
		expect(form.included).toEqual(['a', 'b']);
		expect(form.survivorId).toBe('a');
		expect(form.choices.name).toBe('a');
		expect(form.numberOf('b')).toBe(2);
	});
});

describe('GroupFinder', () => {
	it('finds groups in slices and keeps the members as the list holds them', async () => {
		const rows = Array.from({ length: 5001 }, (_, i) =>
			customer(`r${i}`, i, { name: `N${i}`, emails: [`u${i}@x.cn`] })
		);
		rows[4999]!.emails = ['U0@x.cn'];
		const finder = new GroupFinder<Customer>();
		await finder.find(rows);
		expect(finder.ready).toBe(true);
		expect(finder.checked).toBe(5001);
		expect(finder.groups).toHaveLength(1);
		expect(finder.groups[0]!.members.map((m) => m.name)).toEqual(['N0', 'N4999']);
		expect(finder.groups[0]!.reasons).toEqual(['same_email']);
	});

	it('a newer search replaces one still running', async () => {
		const finder = new GroupFinder<Customer>();
		// Long enough to span several time slices on any machine.
		const many = Array.from({ length: 10_000 }, (_, i) =>
			customer(`m${i}`, i, { name: `M${i}`, phones: ['+8613800138000'] })
		);
		const first = finder.find(many);
		const second = finder.find([a, c]);
		await Promise.all([first, second]);
		expect(finder.groups.map((g) => g.members.map((m) => m.id))).toEqual([['a', 'c']]);
	});
});
