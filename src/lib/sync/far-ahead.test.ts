import { describe, expect, it } from 'vitest';
import { farAheadDevices, hasFarAhead, restampRecord, restampTombstone } from './far-ahead';
import { encodeHlc, isFarAhead, MAX_AHEAD_MS } from './hlc';
import type { SyncRecord } from './merge';

const NOW = 1_700_000_000_000;
const FAR = NOW + 10 * MAX_AHEAD_MS;
const h = (wall: number, device: string, counter = 0) => encodeHlc({ wall, counter, device });

/** This device's clock: stamps from NOW on. */
function ticker() {
	let c = 0;
	return () => h(NOW, 'me', c++);
}

const rec = (meta: SyncRecord['_meta'], extra: Partial<SyncRecord> = {}) =>
	({
		id: 'r1',
		name: '张三',
		city: '北京',
		phone: '138****8000',
		_meta: meta,
		...extra
	}) as SyncRecord;

describe('stamps far ahead of this device', () => {
	it('finds the devices that wrote them', () => {
		const r = rec({
			created: { hlc: h(FAR, 'devx'), by: 'mx' },
			fields: {
				city: { hlc: h(NOW - 1, 'devy'), by: 'my' },
				name: { hlc: h(FAR, 'devz'), by: 'mz' }
			},
			updated: h(FAR, 'devz')
		});
		expect(farAheadDevices(r, NOW).sort()).toEqual(['devx', 'devz']);
		expect(hasFarAhead(r, NOW)).toBe(true);
		expect(
			hasFarAhead(rec({ created: { hlc: h(NOW + MAX_AHEAD_MS, 'a'), by: 'm' }, updated: '' }), NOW)
		).toBe(false);
	});

	it('re-stamps each far write once with this device’s clock, keeping values and authors', () => {
		const far = { hlc: h(FAR, 'devx'), by: 'mx' };
		const near = { hlc: h(NOW - 5, 'devy'), by: 'my' };
		const r = rec({ created: far, fields: { city: near, name: far }, updated: far.hlc });
		const out = restampRecord(r, NOW, ticker());
		expect((out as SyncRecord & { name: string }).name).toBe('张三');
		expect(out._meta.created).toEqual({ hlc: h(NOW, 'me', 0), by: 'mx' });
		// The same write keeps one stamp; a stamp within reach is left alone.
		expect(out._meta.fields).toEqual({ city: near, name: { hlc: h(NOW, 'me', 0), by: 'mx' } });
		expect(out._meta.updated).toBe(h(NOW, 'me', 0));
		expect(r._meta.created).toBe(far); // the input is not changed
	});

	it('moves a masked value’s mark with its stamp', () => {
		const far = { hlc: h(FAR, 'devx', 3), by: 'mx' };
		const r = rec(
			{ created: { hlc: h(NOW - 9, 'a'), by: 'ma' }, fields: { phone: far }, updated: far.hlc },
			{ _masked: { phone: far.hlc } }
		);
		const out = restampRecord(r, NOW, ticker());
		expect(out._masked).toEqual({ phone: out._meta.fields?.phone?.hlc });
		expect(isFarAhead(out._meta.updated, NOW)).toBe(false);
	});

	it('returns what has nothing far ahead as it is', () => {
		const r = rec({ created: { hlc: h(NOW, 'a'), by: 'm' }, updated: h(NOW, 'a') });
		expect(restampRecord(r, NOW, ticker())).toBe(r);
		const t = { table: 'customers', id: 'c', hlc: h(NOW, 'a'), by: 'm' };
		expect(restampTombstone(t, NOW, ticker())).toBe(t);
		expect(restampTombstone({ ...t, hlc: h(FAR, 'x') }, NOW, ticker())).toEqual({
			...t,
			hlc: h(NOW, 'me')
		});
	});
});
