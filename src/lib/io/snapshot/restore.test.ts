import { describe, expect, it } from 'vitest';
import { readEntry, restoreRecord } from './restore';
import { customer, hlc, record, stamp, tomb } from './test-util';

const asBag = (r: unknown) => r as Record<string, unknown>;

describe('restoreRecord', () => {
	it('passes a well-formed record through and recomputes _meta.updated', () => {
		const c = customer('c1', {}, { tier: stamp(3000, 'B') });
		const wrongUpdated = { ...c, _meta: { ...c._meta, updated: hlc(9, 'Z') } };
		const res = restoreRecord('customers', JSON.parse(JSON.stringify(wrongUpdated)));
		expect(res).toEqual({ ok: true, record: c, known: true });
	});

	it('drops keys that reach a prototype, at any depth', () => {
		const raw = JSON.parse(
			`{"id":"c1","_meta":${JSON.stringify(customer('c1')._meta)},"name":"x","__proto__":{"a":1},` +
				`"tags":[{"constructor":{"prototype":1}}]}`
		);
		const res = restoreRecord('x_unknown', raw);
		expect(res.ok).toBe(true);
		if (!res.ok) return;
		expect(Object.getPrototypeOf(res.record)).toBe(Object.prototype);
		expect(asBag(res.record).a).toBeUndefined();
		expect(asBag(res.record).tags).toEqual([{}]);
	});

	it('keeps unknown fields in _extra and promotes known ones found there', () => {
		const raw = { ...customer('c1'), vipLevel: 'gold', _extra: { wechat: 'from_extra', x: 1 } };
		delete (raw as Record<string, unknown>).wechat;
		const res = restoreRecord('customers', raw);
		expect(res.ok).toBe(true);
		if (!res.ok) return;
		expect(asBag(res.record).wechat).toBe('from_extra');
		expect(res.record._extra).toEqual({ vipLevel: 'gold', x: 1 });
		// A table this version does not know is kept whole, flagged so the caller stores it aside.
		const other = restoreRecord('x_future', record('f1', { a: 1 }, stamp(1, 'A')));
		expect(other).toMatchObject({ ok: true, known: false });
	});

	it('refuses absurd values of known fields rather than inventing data', () => {
		const bad: [string, unknown][] = [
			['name', 5],
			['name', 'x'.repeat(100_001)],
			['createdAt', 1e300],
			['phones', 'not a list'],
			['trashedAt', 'yesterday'],
			['birthday', '2024/01/01']
		];
		for (const [field, value] of bad) {
			const res = restoreRecord('customers', { ...customer('c1'), [field]: value });
			expect(res, field).toMatchObject({ ok: false, code: 'invalid_record', reason: field });
		}
		const deals = restoreRecord(
			'deals',
			record('d1', { amount: { minor: 1.5, currency: 'CNY' } }, stamp(1, 'A'))
		);
		expect(deals).toMatchObject({ ok: false, reason: 'amount' });
	});

	it('refuses records without an id or valid stamps', () => {
		const c = customer('c1');
		expect(restoreRecord('customers', { ...c, id: '' })).toMatchObject({ reason: 'id' });
		expect(restoreRecord('customers', { ...c, _meta: null })).toMatchObject({ reason: '_meta' });
		const badHlc = { ...c, _meta: { created: { hlc: 'yesterday', by: 'm' }, updated: '' } };
		expect(restoreRecord('customers', badHlc)).toMatchObject({ reason: '_meta.created' });
		const badField = { ...c, _meta: { ...c._meta, fields: { name: { hlc: 5 } } } };
		expect(restoreRecord('customers', badField)).toMatchObject({ reason: '_meta.fields.name' });
		expect(restoreRecord('customers', [c])).toMatchObject({ reason: 'not_object' });
		let deep: unknown = 'x';
		for (let i = 0; i < 40; i++) deep = [deep];
		expect(restoreRecord('customers', { ...c, tags: deep })).toMatchObject({ reason: 'depth' });
	});

	it('marks the header-masked fields masked at their stamps, and keeps valid marks', () => {
		const c = customer('c1', {}, { phones: stamp(4000, 'B') });
		const res = restoreRecord('customers', c, { masked: ['customers.phones', 'contacts.phones'] });
		expect(res.ok && res.record._masked).toEqual({ phones: hlc(4000, 'B') });
		// A mark carried in the record (re-exported by a device that only had the masked copy)
		// survives when it names the field's current stamp, and is dropped when it is stale.
		const carried = { ...c, _masked: { phones: hlc(4000, 'B'), emails: hlc(1, 'Z') } };
		const again = restoreRecord('customers', carried);
		expect(again.ok && again.record._masked).toEqual({ phones: hlc(4000, 'B') });
	});
});

describe('readEntry', () => {
	const header = { mask: { fields: ['customers.emails'] } };
	it('gives records, tombstones, or an invalid line with its reason', () => {
		const rec = readEntry({ t: 'customers', r: customer('c1') }, header);
		expect(rec.kind).toBe('record');
		if (rec.kind === 'record') expect(rec.record._masked).toEqual({ emails: hlc(1000, 'A') });
		expect(readEntry({ t: '_tomb', r: tomb('c2') }, header)).toEqual({
			kind: 'tombstone',
			tombstone: tomb('c2')
		});
		expect(readEntry({ t: '_tomb', r: { id: 'x' } }, header)).toEqual({
			kind: 'invalid',
			table: '_tomb',
			reason: 'tombstone'
		});
		expect(readEntry({ t: 'customers', r: { id: 'x' } }, header)).toMatchObject({
			kind: 'invalid',
			reason: '_meta'
		});
	});

	it('gives a setting line as key and cleaned value, or invalid', () => {
		const value = JSON.parse('{"stages":[{"key":"lead"}],"__proto__":{"polluted":true}}');
		expect(readEntry({ t: '_setting', r: { key: 'dealStages', value } }, header)).toEqual({
			kind: 'setting',
			setting: { key: 'dealStages', value: { stages: [{ key: 'lead' }] } }
		});
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(readEntry({ t: '_setting', r: { key: 'x', value: null } }, header)).toMatchObject({
			kind: 'setting',
			setting: { key: 'x', value: null }
		});
		let deep: unknown = 1;
		for (let i = 0; i < 40; i++) deep = [deep];
		for (const r of [
			{ value: 1 },
			{ key: 7, value: 1 },
			{ key: '', value: 1 },
			{ key: '__proto__', value: 1 },
			{ key: 'k'.repeat(1001), value: 1 },
			{ key: 'noValue' },
			{ key: 'deep', value: deep }
		])
			expect(readEntry({ t: '_setting', r }, header)).toEqual({
				kind: 'invalid',
				table: '_setting',
				reason: 'setting'
			});
	});
});
