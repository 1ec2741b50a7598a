import { describe, expect, it } from 'vitest';
import { emptyCustomerDraft } from './empty';
import {
	defaultChoices,
	differingFields,
	MERGE_FIELDS,
	planMerge,
	UNION,
	type MergeSource
} from './merge-plan';

const rec = (id: string, over: Partial<MergeSource> = {}): MergeSource => ({
	...emptyCustomerDraft('m1'),
	id,
	...over
});

const a = rec('a', {
	name: '张伟',
	company: '某某科技',
	phones: ['+8613800138000'],
	emails: ['wei@example.com'],
	tags: ['vip'],
	city: '',
	tier: 'A',
	notes: 'from the fair'
});
const b = rec('b', {
	name: '张伟',
	company: '北京某某科技有限公司',
	phones: ['+8613800138000', '+861062345678'],
	emails: ['WEI@example.com', 'zw@corp.cn'],
	tags: ['fair', 'vip'],
	city: '北京',
	tier: 'B',
	ownerId: 'm2',
	notes: ''
});

describe('planMerge', () => {
	it('defaults to the union of lists and the survivor’s value, else the first non-empty', () => {
		const plan = planMerge([a, b], 'a');
		expect(plan.ok).toBe(true);
		if (!plan.ok) return;
		expect(plan.draft.phones).toEqual(['+8613800138000', '+861062345678']);
		expect(plan.draft.emails).toEqual(['wei@example.com', 'zw@corp.cn']);
		expect(plan.draft.tags).toEqual(['vip', 'fair']);
		expect(plan.draft.company).toBe('某某科技');
		expect(plan.draft.city).toBe('北京');
		expect(plan.draft.tier).toBe('A');
		expect(plan.draft.ownerId).toBe('m1');
		expect(plan.choices.city).toBe('b');
		expect(Object.keys(plan.draft).sort()).toEqual([...MERGE_FIELDS].sort());
	});

	it('keeps the value the user chose per field, whichever record it is on', () => {
		const plan = planMerge([a, b], 'a', {
			company: 'b',
			tier: 'b',
			notes: 'a',
			ownerId: 'b',
			phones: 'a',
			tags: 'b'
		});
		expect(plan.ok && plan.draft).toMatchObject({
			name: '张伟',
			company: '北京某某科技有限公司',
			tier: 'B',
			notes: 'from the fair',
			ownerId: 'm2',
			phones: ['+8613800138000'],
			tags: ['fair', 'vip'],
			emails: ['wei@example.com', 'zw@corp.cn']
		});
	});

	it('puts the survivor first whatever order the records come in', () => {
		const plan = planMerge([a, b], 'b');
		expect(plan.ok && plan.draft.emails).toEqual(['WEI@example.com', 'zw@corp.cn']);
		expect(plan.ok && plan.draft.tier).toBe('B');
		expect(plan.ok && plan.draft.notes).toBe('from the fair');
	});

	it('merges three records and does not share arrays with its inputs', () => {
		const c = rec('c', { name: 'Wei Zhang', phones: ['+8613900139000'] });
		const plan = planMerge([a, b, c], 'c');
		expect(plan.ok && plan.draft.phones).toEqual([
			'+8613900139000',
			'+8613800138000',
			'+861062345678'
		]);
		expect(plan.ok && plan.draft.name).toBe('Wei Zhang');
		const only = planMerge([a, b], 'a', { phones: 'b' });
		if (only.ok) only.draft.phones.push('+8613700137000');
		expect(b.phones).toHaveLength(2);
	});

	it('refuses fewer than two records, a missing survivor, repeats and foreign choices', () => {
		expect(planMerge([a], 'a')).toEqual({ ok: false, code: 'merge_needs_two' });
		expect(planMerge([], 'a')).toEqual({ ok: false, code: 'merge_needs_two' });
		expect(planMerge([a, a], 'a')).toEqual({ ok: false, code: 'merge_duplicate_id' });
		expect(planMerge([a, b], 'z')).toEqual({ ok: false, code: 'merge_survivor_missing' });
		expect(planMerge([a, b], 'a', { city: 'z' })).toEqual({
			ok: false,
			code: 'merge_choice_invalid',
			field: 'city'
		});
		expect(planMerge([a, b], 'a', { name: UNION })).toEqual({
			ok: false,
			code: 'merge_choice_invalid',
			field: 'name'
		});
	});
});

describe('merge form helpers', () => {
	it('asks only about fields that differ', () => {
		expect(differingFields([a, b])).toEqual([
			'company',
			'phones',
			'emails',
			'city',
			'tier',
			'tags',
			'ownerId',
			'notes'
		]);
		expect(differingFields([a, { ...a, id: 'a2' }])).toEqual([]);
	});

	it('starts lists on the union and scalars on the survivor', () => {
		const d = defaultChoices([a, b], 'b');
		expect(d.phones).toBe(UNION);
		expect(d.name).toBe('b');
		expect(d.notes).toBe('a');
	});
});
