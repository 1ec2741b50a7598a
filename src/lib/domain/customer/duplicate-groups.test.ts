import { describe, expect, it } from 'vitest';
import { DuplicateGrouper, type DuplicateGroup, type DuplicateSource } from './duplicate-groups';
import { normalizePhone } from './phone';

const phone = (raw: string): string => {
	const r = normalizePhone(raw);
	if (!r.ok) throw new Error(r.code);
	return r.value;
};

const c = (id: string, over: Partial<DuplicateSource> = {}): DuplicateSource => ({
	id,
	kind: 'person',
	name: `Name ${id}`,
	company: '',
	phones: [],
	emails: [],
	trashedAt: null,
	...over
});

/** All groups of two or more likely duplicates among `customers`, grouped in one pass. */
function findDuplicateGroups(customers: Iterable<DuplicateSource>): DuplicateGroup[] {
	const g = new DuplicateGrouper();
	for (const c of customers) g.add(c);
	return g.groups();
}

describe('DuplicateGrouper, all at once', () => {
	it('matches one mobile written two ways once stored (E.164)', () => {
		const groups = findDuplicateGroups([
			c('a', { phones: [phone('138 0013 8000')] }),
			c('b', { phones: [phone('+86 13800138000')] }),
			c('x', { phones: [phone('139 0013 9000')] })
		]);
		expect(groups).toEqual([{ ids: ['a', 'b'], reasons: ['same_phone'] }]);
	});

	it('ignores a phone extension and the case of an email', () => {
		const groups = findDuplicateGroups([
			c('a', { phones: ['+861062345678;ext=12'], emails: ['Wei@Example.com'] }),
			c('b', { phones: ['+861062345678'] }),
			c('c', { emails: ['wei@example.com'] })
		]);
		expect(groups).toEqual([{ ids: ['a', 'b', 'c'], reasons: ['same_email', 'same_phone'] }]);
	});

	it('tells a company written differently from the same company', () => {
		const groups = findDuplicateGroups([
			c('a', { name: '张伟', company: '北京某某科技有限公司' }),
			c('b', { name: '张伟', company: '某某科技' }),
			c('c', { name: '李娜', company: 'ACME Ltd.' }),
			c('d', { name: '李娜', company: 'acme ltd' })
		]);
		expect(groups).toEqual([
			{ ids: ['a', 'b'], reasons: ['similar_company'] },
			{ ids: ['c', 'd'], reasons: ['same_name_company'] }
		]);
	});

	it('matches company customers on their name as a company', () => {
		const groups = findDuplicateGroups([
			c('a', { kind: 'company', name: '上海市某某股份有限公司' }),
			c('b', { kind: 'company', name: '某某集团' }),
			c('p', { kind: 'person', name: '某某集团' })
		]);
		expect(groups).toEqual([{ ids: ['a', 'b'], reasons: ['similar_company'] }]);
	});

	it('never matches on a name alone, a company alone, or empty keys', () => {
		expect(
			findDuplicateGroups([
				c('a', { name: '张伟' }),
				c('b', { name: '张伟' }),
				c('c', { name: '王芳', company: '某某科技' }),
				c('d', { name: '刘洋', company: '某某科技' }),
				c('e', { name: '', company: '某某科技', phones: [' '], emails: [''] }),
				c('f', { name: '', company: '某某科技', phones: [''], emails: ['  '] }),
				c('g', { kind: 'company', name: '' }),
				c('h', { kind: 'company', name: '' })
			])
		).toEqual([]);
	});

	it('leaves customers in the trash out, also as a bridge between two others', () => {
		expect(
			findDuplicateGroups([
				c('a', { phones: ['+8613800138000'] }),
				c('b', { phones: ['+8613800138000'], emails: ['x@y.cn'], trashedAt: 5 }),
				c('c', { emails: ['x@y.cn'] })
			])
		).toEqual([]);
	});

	it('groups transitively and collects every reason', () => {
		const groups = findDuplicateGroups([
			c('a', { phones: ['+8613800138000'] }),
			c('z', { phones: ['+8613900139000'] }),
			c('b', { phones: ['+8613800138000'], emails: ['b@x.cn'] }),
			c('c', { emails: ['B@X.cn'], name: '张伟', company: '某某科技' }),
			c('d', { name: '张伟', company: '深圳某某科技有限公司' })
		]);
		expect(groups).toEqual([
			{ ids: ['a', 'b', 'c', 'd'], reasons: ['same_email', 'same_phone', 'similar_company'] }
		]);
	});

	it('counts a customer added twice once, and one record with two equal keys not at all', () => {
		const g = new DuplicateGrouper();
		g.add(c('a', { phones: ['+8613800138000', '+8613800138000;ext=1'] }));
		g.add(c('a', { phones: ['+8613800138000'] }));
		expect(g.groups()).toEqual([]);
	});

	it('scales to 100,000 customers by key maps', () => {
		const rows: DuplicateSource[] = [];
		for (let i = 0; i < 100_000; i++) {
			const n = String(i).padStart(8, '0');
			rows.push(
				c(`c${i}`, {
					name: `客户${i}`,
					company: `公司${i % 5000}科技`,
					phones: [`+86139${n}`],
					emails: [`u${i}@example.com`]
				})
			);
		}
		// 1,000 planted pairs: every 100th customer has a twin by mobile further down the list.
		for (let i = 0; i < 100_000; i += 100) rows[i + 50]!.phones = [...rows[i]!.phones];
		const started = performance.now();
		const groups = findDuplicateGroups(rows);
		const ms = performance.now() - started;
		console.info(`findDuplicateGroups over 100,000 customers: ${ms.toFixed(0)} ms`);
		expect(groups).toHaveLength(1000);
		expect(groups[0]).toEqual({ ids: ['c0', 'c50'], reasons: ['same_phone'] });
		expect(groups.every((g) => g.ids.length === 2)).toBe(true);
	});
});
