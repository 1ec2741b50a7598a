import { describe, expect, it } from 'vitest';
import { searchKeysOf, sortNameOf } from './search-keys';
import { searchRows } from './search';

const row = (name: string, extra: Partial<Parameters<typeof searchKeysOf>[0]> = {}) => ({
	name,
	searchKeys: searchKeysOf({ name, company: '', phones: [], emails: [], wechat: '', ...extra })
});

describe('search keys and search', () => {
	const rows = [
		row('张三', { phones: ['+8613812345678'] }),
		row('李四', { company: '北京某某科技有限公司', emails: ['lisi@example.com'] }),
		row('Anna Schmidt', { wechat: 'anna_wx', phones: ['+861062345678'] }),
		row('单田芳')
	];
	const names = (q: string) => searchRows(rows, q).map((r) => r.name);

	it('finds Chinese names by full pinyin and initials', () => {
		expect(names('zhangsan')).toEqual(['张三']);
		expect(names('zs')).toEqual(['张三']);
		expect(names('zhang san')).toEqual(['张三']);
		expect(names('张')).toEqual(['张三']);
	});

	it('reads surnames with their surname pronunciation', () => {
		expect(names('shantianfang')).toEqual(['单田芳']);
	});

	it('finds by company, its pinyin, email, WeChat and phone digits', () => {
		expect(names('某某科技')).toEqual(['李四']);
		expect(names('moumou')).toEqual(['李四']);
		expect(names('LISI@')).toEqual(['李四']);
		expect(names('anna_wx')).toEqual(['Anna Schmidt']);
		expect(names('138-1234')).toEqual(['张三']);
		expect(names('5678')).toEqual(['张三', 'Anna Schmidt']);
		expect(names('01062345678')).toEqual(['Anna Schmidt']);
	});

	it('puts names that start with the query first', () => {
		const list = [row('Bob Ann'), row('Ann Lee')];
		expect(searchRows(list, 'ann').map((r) => r.name)).toEqual(['Ann Lee', 'Bob Ann']);
	});

	it('returns everything for an empty query and nothing for no match', () => {
		expect(searchRows(rows, '  ')).toHaveLength(4);
		expect(searchRows(rows, 'zzzz')).toEqual([]);
	});

	it('sorts Chinese names by pinyin', () => {
		expect(sortNameOf('张三') > sortNameOf('李四')).toBe(true);
		expect(sortNameOf('Anna') < sortNameOf('李四')).toBe(true);
	});
});

describe('sortNameFromKeys', () => {
	it('orders like sortNameOf without converting again', async () => {
		const { sortNameFromKeys } = await import('./text');
		const names = ['张三', '李四', 'Anna', '王五', 'bob'];
		const key = (n: string) =>
			sortNameFromKeys(
				n,
				searchKeysOf({ name: n, company: '', phones: [], emails: [], wechat: '' })
			);
		const a = [...names].sort((x, y) => (key(x) < key(y) ? -1 : 1));
		const b = [...names].sort((x, y) => (sortNameOf(x) < sortNameOf(y) ? -1 : 1));
		expect(a).toEqual(b);
	});
});

describe('IncrementalSearch', () => {
	it('gives exactly what a full search gives, for any sequence of queries', async () => {
		const fc = (await import('fast-check')).default;
		const { IncrementalSearch } = await import('./search');
		const names = ['张三', '张三丰', '李四', 'Anna Zhang', 'Zhao Si', '赵四', 'Bob', 'zs corp'];
		const rows = names.map((n) => row(n));
		fc.assert(
			fc.property(
				fc.array(fc.stringMatching(/^[zhangsi a张三四b]{0,6}$/), { minLength: 1, maxLength: 12 }),
				(queries) => {
					const inc = new IncrementalSearch<(typeof rows)[number]>();
					for (const q of queries) expect(inc.search(rows, q)).toEqual(searchRows(rows, q));
				}
			),
			{ numRuns: 500 }
		);
	});

	it('gives the same answers when the search text was prepared ahead, on this list or another', async () => {
		const fc = (await import('fast-check')).default;
		const { IncrementalSearch } = await import('./search');
		const names = ['张三', '张三丰', '李四', 'Anna Zhang', 'Zhao Si', '赵四', 'Bob', 'zs corp'];
		const all = names.map((n) => row(n));
		const lists = [all, all.slice(2)];
		const step = fc.record({
			list: fc.integer({ min: 0, max: 1 }),
			prepare: fc.boolean(),
			q: fc.stringMatching(/^[zhangsi a张三四b]{0,6}$/)
		});
		fc.assert(
			fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
				const inc = new IncrementalSearch<(typeof all)[number]>();
				for (const { list, prepare, q } of steps) {
					const rows = lists[list] ?? all;
					if (prepare) inc.prepare(rows);
					expect(inc.search(rows, q)).toEqual(searchRows(rows, q));
				}
			}),
			{ numRuns: 500 }
		);
	});

	it('knows when a query narrows the previous one', async () => {
		const { narrows } = await import('./search');
		expect(narrows(['zh'], ['zha'])).toBe(true);
		expect(narrows(['zh'], ['zh', 'san'])).toBe(true);
		expect(narrows(['zha'], ['zh'])).toBe(false);
		expect(narrows(['zh', 's'], ['zh', 'sa'])).toBe(true);
		expect(narrows(['zh', 's'], ['zhx', 's'])).toBe(false);
		expect(narrows([], ['a'])).toBe(false);
	});
});

describe('KeyText', () => {
	it('finds exactly the rows (all, or among given ones) whose keys contain or begin with the term', async () => {
		const fc = (await import('fast-check')).default;
		const { KeyText } = await import('./search');
		// Keys hold parts joined by \u0001, as stored searchKeys do.
		const char = fc.constantFrom('a', 'b', '\u0001', '张');
		const key = fc.array(char, { maxLength: 8 }).map((cs) => cs.join(''));
		const term = fc.array(char, { minLength: 1, maxLength: 3 }).map((cs) => cs.join(''));
		const keysAndAmong = fc
			.array(key, { maxLength: 30 })
			.chain((keys) => fc.tuple(fc.constant(keys), fc.subarray(keys.map((_, i) => i))));
		fc.assert(
			fc.property(keysAndAmong, term, ([keys, among], term) => {
				const text = new KeyText(keys);
				const has = (i: number) => (keys[i] ?? '').includes(term);
				expect(text.rowsWith(term)).toEqual(keys.flatMap((_, i) => (has(i) ? [i] : [])));
				expect(text.rowsAmongWith(among, term)).toEqual(among.filter(has));
				keys.forEach((k, i) => expect(text.startsWith(i, term)).toBe(k.startsWith(term)));
			}),
			{ numRuns: 1000 }
		);
	});

	it('never matches across two rows', async () => {
		const { KeyText } = await import('./search');
		expect(new KeyText(['zhang', 'san']).rowsWith('gsa')).toEqual([]);
		expect(new KeyText(['zhang', 'san']).rowsWith('san')).toEqual([1]);
		expect(new KeyText([]).rowsWith('a')).toEqual([]);
	});
});

describe('IncrementalSearch over a longer list (both the narrowing and the scanning path)', () => {
	it('gives exactly what a full search gives', async () => {
		const fc = (await import('fast-check')).default;
		const { IncrementalSearch } = await import('./search');
		const names = ['张三', '张三丰', '李四', 'Anna Zhang', 'Zhao Si', '赵四', 'Bob', 'zs corp'];
		// 80 rows: a query that narrows to fewer than 10 matches takes the narrowing path.
		const rows = Array.from({ length: 80 }, (_, i) =>
			row(i % 9 === 0 ? `${names[i % names.length]} ${i}` : `Other ${i}`)
		);
		fc.assert(
			fc.property(
				fc.array(fc.stringMatching(/^[zhangsio 张三四b0-9]{0,6}$/), {
					minLength: 1,
					maxLength: 12
				}),
				(queries) => {
					const inc = new IncrementalSearch<(typeof rows)[number]>();
					for (const q of queries) expect(inc.search(rows, q)).toEqual(searchRows(rows, q));
				}
			),
			{ numRuns: 500 }
		);
	});
});
