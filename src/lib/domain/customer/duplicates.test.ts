import { describe, expect, it } from 'vitest';
import { DuplicateIndex, FileDuplicates } from './duplicates';

describe('DuplicateIndex', () => {
	const index = new DuplicateIndex([
		{
			id: 'c1',
			kind: 'person',
			name: '张伟',
			company: '北京某某科技有限公司',
			phones: ['+8613812345678'],
			emails: ['Wei@Example.com']
		},
		{ id: 'c2', kind: 'company', name: '某某科技', company: '', phones: [], emails: [] },
		{
			id: 'c3',
			kind: 'person',
			name: '李娜',
			company: '',
			phones: ['+8613912345678;ext=12'],
			emails: []
		}
	]);

	it('matches by email, case-insensitively', () => {
		expect(
			index.match({
				kind: 'person',
				name: 'x',
				company: '',
				phones: [],
				emails: ['wei@example.COM']
			})
		).toEqual([{ id: 'c1', rule: 'same_email' }]);
	});

	it('matches by normalised phone, ignoring extensions', () => {
		expect(
			index.match({
				kind: 'person',
				name: 'x',
				company: '',
				phones: ['+8613912345678'],
				emails: []
			})
		).toEqual([{ id: 'c3', rule: 'same_phone' }]);
	});

	it('matches by name and loosely compared company, but never by name alone', () => {
		expect(
			index.match({ kind: 'person', name: ' 张伟', company: '某某', phones: [], emails: [] })
		).toEqual([{ id: 'c1', rule: 'same_name_company' }]);
		expect(
			index.match({ kind: 'person', name: '张伟', company: '另一家公司', phones: [], emails: [] })
		).toEqual([]);
		expect(
			index.match({ kind: 'person', name: '李娜', company: '', phones: [], emails: [] })
		).toEqual([]);
	});

	it('matches company customers by their name as a company', () => {
		expect(
			index.match({
				kind: 'company',
				name: '深圳某某科技有限公司',
				company: '',
				phones: [],
				emails: []
			})
		).toEqual([{ id: 'c2', rule: 'same_name_company' }]);
	});

	it('reports each id once, with the first rule that matched', () => {
		const m = index.match({
			kind: 'person',
			name: '张伟',
			company: '某某',
			phones: ['+8613812345678'],
			emails: ['wei@example.com']
		});
		expect(m).toEqual([{ id: 'c1', rule: 'same_email' }]);
	});
});

describe('FileDuplicates', () => {
	it('points each row at the earlier rows it repeats', () => {
		const f = new FileDuplicates();
		expect(
			f.check(2, { kind: 'person', name: 'A', company: '', phones: ['+8613812345678'], emails: [] })
		).toEqual([]);
		expect(
			f.check(3, { kind: 'person', name: 'B', company: '', phones: [], emails: ['b@x.cn'] })
		).toEqual([]);
		expect(
			f.check(7, {
				kind: 'person',
				name: 'C',
				company: '',
				phones: ['+8613812345678'],
				emails: ['B@x.cn']
			})
		).toEqual([
			{ line: 3, rule: 'same_email' },
			{ line: 2, rule: 'same_phone' }
		]);
	});
});
