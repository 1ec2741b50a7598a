import { describe, expect, it } from 'vitest';
import { PersonTraces } from './person-traces';

const zhang = new PersonTraces({
	ids: ['c1', 'i1'],
	values: ['张三', 'Zhang San', '+8613800138000', 'zhang@example.com', 'zs_wechat']
});

describe('PersonTraces: finding a person', () => {
	it('finds their values inside texts, phones however they are written', () => {
		expect(zhang.holdsValue('回访张三，谈续约')).toBe(true);
		expect(zhang.holdsValue('called ZHANG SAN today')).toBe(true);
		expect(zhang.holdsValue('138-0013-8000')).toBe(true);
		expect(zhang.holdsValue('tel (138) 0013 8000')).toBe(true);
		expect(zhang.holdsValue('+8613800138000')).toBe(true);
		expect(zhang.holdsValue('Zhang@Example.com')).toBe(true);
		expect(zhang.holdsValue('wx: zs_wechat')).toBe(true);
	});

	it('does not find a Latin name inside another word, nor values too short to mean anything', () => {
		expect(zhang.holdsValue('Zhang Sanford')).toBe(false);
		expect(zhang.holdsValue('zs_wechat2')).toBe(false);
		expect(zhang.holdsValue('13800138001')).toBe(false);
		const short = new PersonTraces({ ids: [], values: ['L', ' ', '', '12345'] });
		expect(short.empty).toBe(true);
		expect(short.holdsValue('Lisbon 12345')).toBe(false);
		const li = new PersonTraces({ ids: [], values: ['Li'] });
		expect(li.holdsValue('Lisbon')).toBe(false);
		expect(li.holdsValue('Li Si')).toBe(true);
	});

	it('a name with characters special to regular expressions is found as written', () => {
		const p = new PersonTraces({ ids: [], values: ['A.B (C)'] });
		expect(p.holdsValue('met A.B (C) today')).toBe(true);
		expect(p.holdsValue('met AxB (C) today')).toBe(false);
	});

	it('mentions: ids as texts, keys or record ids at any depth; kept ids only as a record', () => {
		expect(zhang.mentions({ a: [{ b: 'c1' }] })).toBe(true);
		expect(zhang.mentions({ map: { c1: 1 } })).toBe(true);
		expect(zhang.mentions({ x: 'c10' })).toBe(false);
		const leaver = new PersonTraces({ ids: [], keptIds: ['m1'], values: ['王经理'] });
		expect(leaver.mentions({ ownerId: 'm1', _meta: { created: { by: 'm1' } } })).toBe(false);
		expect(leaver.mentions({ id: 'm1', name: '' })).toBe(true);
		expect(leaver.mayMention('{"ownerId":"m1"}')).toBe(true);
		expect(leaver.mayMention('{"ownerId":"m2"}')).toBe(false);
	});
});

describe('PersonTraces: scrubbing', () => {
	it('keeps other entries of an Undo batch and drops theirs, whatever wraps them', () => {
		const batch = {
			importId: 'imp',
			seq: 0,
			records: [
				{
					createdIds: [
						{ table: 'customers', id: 'c1' },
						{ table: 'customers', id: 'c2' }
					],
					before: [
						{ table: 'customers', record: { id: 'c1', name: '张三' } },
						{ table: 'customers', record: { id: 'c3', name: '李四', phones: ['+8613800138000'] } },
						{ table: 'customers', record: { id: 'c4', name: '王五' } }
					]
				}
			]
		};
		const r = zhang.scrub(batch);
		expect(r.changed).toBe(true);
		expect(r.value.records[0]).toEqual({
			createdIds: [{ table: 'customers', id: 'c2' }],
			before: [{ table: 'customers', record: { id: 'c4', name: '王五' } }]
		});
		expect(r.removed).toHaveLength(3);
		// The input is not changed.
		expect(batch.records[0]!.before).toHaveLength(3);
	});

	it('clears fields that hold them, drops list items, map entries and references', () => {
		const detail = {
			survivorId: 'c1',
			otherIds: ['c1', 'c9'],
			survivorName: '张三',
			otherNames: ['张三', '张叁'],
			before: { name: '张三', phones: ['+8613800138000', '+8613900139000'], tier: 'A' },
			moved: [{ table: 'interactions', id: 'i9', from: 'c1' }],
			target: { customerId: 'c1' },
			byId: { c1: { id: 'c1' }, c2: { id: 'c2', customerId: 'c1' }, c3: { id: 'c3' } },
			count: 3,
			undoneAt: null
		};
		expect(zhang.scrub(detail).value).toEqual({
			survivorId: '',
			otherIds: ['c9'],
			survivorName: '',
			otherNames: ['张叁'],
			before: { name: '', phones: ['+8613900139000'], tier: 'A' },
			moved: [],
			byId: { c3: { id: 'c3' } },
			count: 3,
			undoneAt: null
		});
	});

	it('an entry is judged by its own fields; a nested list of entries is looked into', () => {
		const staged = [
			{ t: 'customers', r: { id: 'c2', name: '李四' } },
			{ t: 'interactions', r: { id: 'i2', customerId: 'c1' } },
			{ line: 3, draft: { name: '张三' } },
			{ group: 'g', items: [{ id: 'c1' }, { id: 'c2' }] }
		];
		expect(zhang.scrub(staged).value).toEqual([
			{ t: 'customers', r: { id: 'c2', name: '李四' } },
			{ group: 'g', items: [{ id: 'c2' }] }
		]);
	});

	it('leaves values without them as the same objects, and other kinds of values alone', () => {
		const clean = { a: [{ b: 1 }], c: 'x', d: new Uint8Array([1]), e: null };
		const r = zhang.scrub(clean);
		expect(r.changed).toBe(false);
		expect(r.value).toBe(clean);
		expect(r.removed).toEqual([]);
		expect(zhang.isTheirs('张三')).toBe(true);
		expect(zhang.isTheirs({ recordId: 'c1', field: 'name' })).toBe(true);
		expect(zhang.isTheirs({ recordId: 'c2', lostValue: ['zhang@example.com'] })).toBe(true);
		expect(zhang.isTheirs({ recordId: 'c2', lostValue: '李四' })).toBe(false);
		expect(zhang.isTheirs(42)).toBe(false);
		// A row that only names them is not theirs as a row: its fields are scrubbed instead.
		expect(zhang.isTheirRow({ id: 'r2', note: '张三' })).toBe(false);
		expect(zhang.isTheirRow({ id: 'r1', customerId: 'c1' })).toBe(true);
		expect(zhang.isTheirRow('c1')).toBe(true);
	});

	it('a team member who left: copies of their profile go, references to them stay', () => {
		const leaver = new PersonTraces({
			ids: [],
			keptIds: ['m1'],
			values: ['王经理', 'wang@example.com']
		});
		const undo = {
			created: [
				{ table: 'members', id: 'm1', updated: 'h' },
				{ table: 'customers', id: 'c5', updated: 'h' }
			],
			changed: [{ table: 'customers', before: { id: 'c6', ownerId: 'm1' }, fields: ['tier'] }]
		};
		expect(leaver.scrub(undo).value).toEqual({
			created: [{ table: 'customers', id: 'c5', updated: 'h' }],
			changed: undo.changed
		});
		const audit = {
			fileName: 'rapport-王经理-2025-06-01.rapport',
			from: { memberId: 'm1', memberName: '王经理' }
		};
		expect(leaver.scrub(audit).value).toEqual({
			fileName: '',
			from: { memberId: 'm1', memberName: '' }
		});
	});
});
