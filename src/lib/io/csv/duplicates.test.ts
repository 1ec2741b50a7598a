import { describe, expect, it } from 'vitest';
import { companyKey } from './company-key';
import { DuplicateIndex, FileDuplicates } from './duplicates';

describe('companyKey', () => {
	it('strips city prefixes and legal-form suffixes so variants meet', () => {
		const k = companyKey('某某');
		expect(companyKey('北京某某科技有限公司')).toBe(k);
		expect(companyKey('某某科技')).toBe(k);
		expect(companyKey('上海市某某股份有限公司')).toBe(k);
		expect(companyKey('某某集团')).toBe(k);
		expect(companyKey('广东省某某有限责任公司')).toBe(k);
		expect(companyKey('ＡＣＭＥ Ltd.')).toBe(companyKey('acme'));
		expect(companyKey('Müller & Co')).toBe(companyKey('MÜLLER'));
	});

	it('does not strip a name down to nothing', () => {
		expect(companyKey('公司')).toBe('公司');
		expect(companyKey('北京')).toBe('北京');
	});
});

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
