import { describe, expect, it } from 'vitest';
import { CHANGE_FIELD } from '../../sync/change-number';
import { readEntry } from './restore';
import { customer, decodeAll, encodeAll, hlc, record, stamp, tomb } from './test-util';

/**
 * The local change number (sync/change-number.ts) is this device's bookkeeping: a file never
 * carries it, and a file that does (a crafted one, or a writer that forgot) cannot plant it.
 */
const noMask = { mask: { fields: [] } };

const hasChangeNumber = (v: unknown): boolean =>
	typeof v === 'object' &&
	v !== null &&
	(Object.hasOwn(v, CHANGE_FIELD) || Object.values(v).some(hasChangeNumber));

describe('the local change number in snapshot files', () => {
	it('is left out of every record and tombstone written', async () => {
		const numbered = [
			{ t: 'customers', r: { ...customer('c1'), [CHANGE_FIELD]: 41 } },
			{ t: 'x_future', r: { ...record('f1', { a: 1 }, stamp(1, 'A')), [CHANGE_FIELD]: 42 } },
			{ t: '_tomb', r: { ...tomb('c9'), [CHANGE_FIELD]: 43 } }
		];
		const read = await decodeAll(await encodeAll(numbered));
		expect(read.map((e) => e.t)).toEqual(['customers', 'x_future', '_tomb']);
		expect(read.some((e) => hasChangeNumber(e.r))).toBe(false);
		// Only the number goes: the record is otherwise written as it is (derived fields never are).
		const derived = ['searchKeys', 'lastContactAt'];
		const written = Object.entries(customer('c1')).filter(([k]) => !derived.includes(k));
		expect(read[0]!.r).toEqual(Object.fromEntries(written));
		expect(read[2]!.r).toEqual(tomb('c9'));
	});

	it('is dropped from a file that carries one, at the top, in _extra or stamped', () => {
		const c = customer('c1');
		const crafted = {
			...c,
			[CHANGE_FIELD]: 7,
			_extra: { [CHANGE_FIELD]: 8, vipLevel: 'gold' },
			_meta: { ...c._meta, fields: { [CHANGE_FIELD]: stamp(9000, 'Z') } }
		};
		const res = readEntry({ t: 'customers', r: crafted }, noMask);
		expect(res.kind).toBe('record');
		if (res.kind !== 'record') return;
		expect(hasChangeNumber(res.record)).toBe(false);
		expect(res.record._extra).toEqual({ vipLevel: 'gold' });
		// The stamp of the dropped field does not count towards the record's last write either.
		expect(res.record._meta.updated).toBe(c._meta.updated);
		expect(res.record._meta.updated < hlc(9000, 'Z')).toBe(true);

		const t = readEntry({ t: '_tomb', r: { ...tomb('c9'), [CHANGE_FIELD]: 3 } }, noMask);
		expect(t).toEqual({ kind: 'tombstone', tombstone: tomb('c9') });
	});
});
