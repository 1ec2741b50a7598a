import { describe, expect, it } from 'vitest';
import { conflictKey, flipConflict } from './conflict';
import {
	canonical,
	emptyState,
	mergeRecord,
	mergeSets,
	policyOf,
	type SyncRecord,
	type SyncState,
	withoutDerived
} from './merge';
import type { Stamp } from './stamp';
import {
	mergeTombstone,
	mergeTombstones,
	recordKey,
	asTombstone,
	type Tombstone
} from './tombstone';

const hlc = (wall: number, device: string, counter = 0) =>
	`${String(wall).padStart(15, '0')}:${counter.toString(36).padStart(4, '0')}:${device}`;
const st = (wall: number, device: string): Stamp => ({ hlc: hlc(wall, device), by: `m-${device}` });

function rec(
	fields: Record<string, unknown>,
	created: Stamp,
	edits: Record<string, Stamp> = {}
): SyncRecord {
	const all = [created.hlc, ...Object.values(edits).map((s) => s.hlc)].sort();
	const meta = {
		created,
		updated: all[all.length - 1]!,
		...(Object.keys(edits).length ? { fields: edits } : {})
	};
	return { id: 'c1', _meta: meta, ...fields } as SyncRecord;
}

const base = () => rec({ name: '张三', phones: ['+8613800138000'], tier: 'B' }, st(100, 'A'));

describe('mergeRecord', () => {
	it('takes the later stamp per field and keeps edits of both sides to different fields', () => {
		const a = rec({ name: '张三丰', phones: ['+8613800138000'], tier: 'B' }, st(100, 'A'), {
			name: st(200, 'A')
		});
		const b = rec({ name: '张三', phones: ['+8613800138000'], tier: 'A' }, st(100, 'A'), {
			tier: st(150, 'B')
		});
		const res = mergeRecord(a, b, { table: 'customers' });
		const r = res.record as unknown as Record<string, unknown>;
		expect(r.name).toBe('张三丰');
		expect(r.tier).toBe('A');
		expect(res.changedFields).toEqual(['tier']);
		expect(res.conflicts).toEqual([]);
		expect(res.record!._meta).toEqual({
			created: st(100, 'A'),
			fields: { name: st(200, 'A'), tier: st(150, 'B') },
			updated: hlc(200, 'A')
		});
	});

	it('records a conflict when both changed the same field, whichever side wins', () => {
		const a = rec({ tier: 'A' }, st(100, 'A'), { tier: st(300, 'A') });
		const b = rec({ tier: 'C' }, st(100, 'A'), { tier: st(200, 'B') });
		const localWins = mergeRecord(a, b, { table: 'customers' });
		expect((localWins.record as unknown as { tier: string }).tier).toBe('A');
		expect(localWins.changedFields).toEqual([]);
		expect(localWins.conflicts).toEqual([
			{
				table: 'customers',
				id: 'c1',
				field: 'tier',
				lostValue: 'C',
				lostStamp: st(200, 'B'),
				wonStamp: st(300, 'A')
			}
		]);
		const remoteWins = mergeRecord(b, a, { table: 'customers' });
		expect(remoteWins.changedFields).toEqual(['tier']);
		expect(remoteWins.conflicts).toEqual(localWins.conflicts);
	});

	it('a conflict can be flipped: the lost value comes back with a new, winning stamp', () => {
		const a = rec({ tier: 'A' }, st(100, 'A'), { tier: st(300, 'A') });
		const b = rec({ tier: 'C' }, st(100, 'A'), { tier: st(200, 'B') });
		const merged = mergeRecord(a, b, { table: 'customers' });
		const [c] = merged.conflicts;
		expect(c).toBeDefined();
		if (!c || !merged.record) return;
		expect(conflictKey(c)).toBe(`customers/c1/tier/${hlc(200, 'B')}`);
		const flipped = flipConflict(merged.record, c, st(400, 'A'));
		expect(flipped.ok).toBe(true);
		if (!flipped.ok) return;
		expect((flipped.edit.next as unknown as { tier: string }).tier).toBe('C');
		expect(flipped.edit.next._meta.fields?.tier).toEqual(st(400, 'A'));
		// The flipped value now wins against the other side's copy too.
		const again = mergeRecord(b, flipped.edit.next, { table: 'customers' }).record;
		expect((again as unknown as { tier: string }).tier).toBe('C');
		// Written again since: flipping the old conflict is refused.
		expect(flipConflict(flipped.edit.next, c, st(500, 'A'))).toEqual({
			ok: false,
			code: 'conflict_stale'
		});
	});

	it('a value that loses to a deleted (absent, later stamped) field is still listed', () => {
		const a = rec({ note: 'mine' }, st(100, 'A'), { note: st(200, 'A') });
		const b = rec({}, st(100, 'A'), { note: st(300, 'B') });
		expect(mergeRecord(a, b, { table: 't' }).conflicts).toEqual([
			{
				table: 't',
				id: 'c1',
				field: 'note',
				lostValue: 'mine',
				lostStamp: st(200, 'A'),
				wonStamp: st(300, 'B')
			}
		]);
	});

	it('no conflict when a teammate changes a value set at creation', () => {
		const a = rec({ tier: 'B' }, st(100, 'A'));
		const b = rec({ tier: 'C' }, st(100, 'A'), { tier: st(200, 'B') });
		expect(mergeRecord(a, b, { table: 't' }).conflicts).toEqual([]);
		expect(mergeRecord(b, a, { table: 't' }).conflicts).toEqual([]);
	});

	it('no conflict for equal values, same device, or a losing stamp older than the shared point', () => {
		const a = rec({ tier: 'A' }, st(100, 'A'), { tier: st(300, 'A') });
		expect(
			mergeRecord(a, rec({ tier: 'A' }, st(100, 'A'), { tier: st(200, 'B') }), { table: 't' })
				.conflicts
		).toEqual([]);
		expect(
			mergeRecord(a, rec({ tier: 'C' }, st(100, 'A'), { tier: st(200, 'A') }), { table: 't' })
				.conflicts
		).toEqual([]);
		const b = rec({ tier: 'C' }, st(100, 'A'), { tier: st(200, 'B') });
		expect(mergeRecord(a, b, { table: 't', since: hlc(250, 'Z') }).conflicts).toEqual([]);
		expect(mergeRecord(a, b, { table: 't', since: hlc(150, 'Z') }).conflicts).toHaveLength(1);
	});

	it('does not list again a sender’s edit that arrived before, whichever side wins', () => {
		// B's edit arrived here in an earlier file (seen up to 250 of B); A overwrote it since.
		const local = rec({ tier: 'A' }, st(100, 'A'), { tier: st(300, 'A') });
		const again = rec({ tier: 'C' }, st(100, 'A'), { tier: st(200, 'B') });
		const seen = { device: 'B', hlc: hlc(250, 'B') };
		expect(mergeRecord(local, again, { table: 't' }).conflicts).toHaveLength(1);
		expect(mergeRecord(local, again, { table: 't', seen }).conflicts).toEqual([]);
		// Newer than the point: not seen before, listed.
		const newer = rec({ tier: 'C' }, st(100, 'A'), { tier: st(280, 'B') });
		expect(mergeRecord(local, newer, { table: 't', seen })).toMatchObject({
			conflicts: [{ field: 'tier', lostValue: 'C' }]
		});
		// The sender relays another device's edit: the point says nothing about it.
		const relayed = rec({ tier: 'C' }, st(100, 'A'), { tier: st(200, 'D') });
		expect(mergeRecord(local, relayed, { table: 't', seen }).conflicts).toHaveLength(1);
	});

	it('still lists a local value lost to a sender’s newer edit, however old the local one', () => {
		const local = rec({ tier: 'A' }, st(100, 'A'), { tier: st(150, 'A') });
		const incoming = rec({ tier: 'C' }, st(100, 'A'), { tier: st(300, 'B') });
		const seen = { device: 'B', hlc: hlc(250, 'B') };
		expect(mergeRecord(local, incoming, { table: 't', seen })).toMatchObject({
			conflicts: [{ field: 'tier', lostValue: 'A' }]
		});
		// The point is the incoming side's: the same records the other way round are judged by
		// the stamp that now arrives (A's, not seen from A).
		expect(mergeRecord(incoming, local, { table: 't', seen }).conflicts).toHaveLength(1);
		expect(
			mergeRecord(incoming, local, { table: 't', seen: { device: 'A', hlc: hlc(160, 'A') } })
				.conflicts
		).toEqual([]);
	});

	it('compares structured values by content, not identity or key order', () => {
		const a = rec({ amount: { minor: 100, currency: 'CNY' } }, st(100, 'A'), {
			amount: st(300, 'A')
		});
		const b = rec({ amount: { currency: 'CNY', minor: 100 } }, st(100, 'A'), {
			amount: st(200, 'B')
		});
		expect(mergeRecord(a, b, { table: 'deals' }).conflicts).toEqual([]);
		expect(canonical({ b: 1, a: [1, { d: 2, c: undefined }] })).toBe('{"a":[1,{"d":2}],"b":1}');
	});

	it('is idempotent on one record: merging a record with itself changes nothing', () => {
		const a = rec({ name: 'x', tier: 'A' }, st(100, 'A'), { tier: st(300, 'B') });
		const res = mergeRecord(a, a, { table: 'customers' });
		expect(res.changed).toBe(false);
		expect(res.changedFields).toEqual([]);
		expect(res.record).toEqual(a);
	});

	it('a new record is taken whole', () => {
		const res = mergeRecord(undefined, base(), { table: 'customers' });
		expect(res.record).toEqual(base());
		expect(res.changed).toBe(true);
		expect(res.changedFields.sort()).toEqual(['name', 'phones', 'tier']);
	});

	it('a tombstone wins over every edit, even a later one', () => {
		const later = rec({ name: 'later' }, st(100, 'A'), { name: st(9_999, 'B') });
		const t: Tombstone = { table: 'customers', id: 'c1', hlc: hlc(200, 'A'), by: 'm-A' };
		expect(mergeRecord(base(), later, { table: 'customers', tombstone: t }).record).toBeUndefined();
		expect(
			mergeRecord(undefined, later, { table: 'customers', tombstone: t }).record
		).toBeUndefined();
	});

	it('a masked value never overwrites a real one, even with a later stamp', () => {
		const real = rec({ phones: ['+8613800138000'] }, st(100, 'A'));
		const masked = rec({ phones: ['138****8000'] }, st(100, 'A'), { phones: st(500, 'B') });
		masked._masked = { phones: hlc(500, 'B') };
		const res = mergeRecord(real, masked, { table: 'customers' });
		expect((res.record as unknown as { phones: string[] }).phones).toEqual(['+8613800138000']);
		expect(res.conflicts).toEqual([]);
		expect(res.record!._masked).toBeUndefined();
		// The other way round too (commutative), and a masked value fills a record we lack.
		expect(mergeRecord(masked, real, { table: 'customers' }).record).toEqual(res.record);
		expect(mergeRecord(undefined, masked, { table: 'customers' }).record!._masked).toEqual({
			phones: hlc(500, 'B')
		});
	});

	it('a stale mask mark (field written again since) is dropped', () => {
		const r = rec({ phones: ['+8613900000000'] }, st(100, 'A'), { phones: st(600, 'A') });
		r._masked = { phones: hlc(100, 'A') };
		const other = rec({ phones: ['+8613800138000'] }, st(100, 'A'), { phones: st(550, 'B') });
		const res = mergeRecord(r, other, { table: 'customers' });
		expect((res.record as unknown as { phones: string[] }).phones).toEqual(['+8613900000000']);
		expect(res.record!._masked).toBeUndefined();
	});

	it('keeps unknown fields in _extra and merges them with their stamps', () => {
		const older = rec({ name: 'x' }, st(100, 'A'), { vip: st(200, 'N') });
		older._extra = { vip: 'gold' };
		const newer = rec({ name: 'x' }, st(100, 'A'), { vip: st(300, 'N') });
		newer._extra = { vip: 'platinum' };
		const res = mergeRecord(older, newer, { table: 'customers' });
		expect(res.record!._extra).toEqual({ vip: 'platinum' });
		expect(res.changedFields).toEqual(['vip']);
		// Once one side knows the field (app updated), it lives at the top level.
		const known = rec({ name: 'x', vip: 'silver' }, st(100, 'A'), { vip: st(100, 'N') });
		const up = mergeRecord(known, older, { table: 'customers' }).record as unknown as Record<
			string,
			unknown
		>;
		expect(up.vip).toBe('gold');
		expect(up._extra).toBeUndefined();
	});

	it('never merges derived fields: keeps local ones, strips their stamps, calls derive', () => {
		const local = rec({ name: 'a', searchKeys: 'a local', lastContactAt: 5 }, st(100, 'A'));
		const remote = rec({ name: 'b', searchKeys: 'b remote', lastContactAt: 9 }, st(100, 'A'), {
			name: st(200, 'B'),
			searchKeys: st(200, 'B'),
			lastContactAt: st(200, 'B')
		});
		const plain = mergeRecord(local, remote, { table: 'customers' });
		const r = plain.record as unknown as Record<string, unknown>;
		expect(r.searchKeys).toBe('a local');
		expect(r.lastContactAt).toBe(5);
		expect(plain.changedFields).toEqual(['name']);
		expect(plain.record!._meta.fields).toEqual({ name: st(200, 'B') });
		const derived = mergeRecord(local, remote, {
			table: 'customers',
			derive: (_t, x) => ({
				...x,
				searchKeys: `${(x as unknown as { name: string }).name} derived`
			})
		});
		expect((derived.record as unknown as Record<string, unknown>).searchKeys).toBe('b derived');
		expect(policyOf('customers').derived).toContain('searchKeys');
		expect(policyOf('__proto__').derived).toEqual([]);
	});

	it('keeps a later field deletion (field absent, stamped later)', () => {
		const a = rec({ name: 'x', note: 'hi' }, st(100, 'A'));
		const b = rec({ name: 'x' }, st(100, 'A'), { note: st(200, 'B') });
		const r = mergeRecord(a, b, { table: 't' }).record as unknown as Record<string, unknown>;
		expect('note' in r).toBe(false);
		expect(mergeRecord(b, a, { table: 't' }).record).toEqual(r);
	});

	it('never lets a field named __proto__ reach the prototype', () => {
		const evil = JSON.parse(
			`{"id":"c1","_meta":{"created":${JSON.stringify(st(100, 'A'))},"updated":"${hlc(100, 'A')}"},"__proto__":{"polluted":1}}`
		) as SyncRecord;
		const r = mergeRecord(undefined, evil, { table: 't' }).record as unknown as Record<
			string,
			unknown
		>;
		expect(Object.getPrototypeOf(r)).toBe(Object.prototype);
		expect(r.polluted).toBeUndefined();
	});
});

describe('tombstones', () => {
	const t = (wall: number, by = 'm'): Tombstone => ({
		table: 'customers',
		id: 'c1',
		hlc: hlc(wall, 'A'),
		by
	});
	it('keep the earliest of two deletes, in either order', () => {
		expect(mergeTombstone(t(5), t(3))).toEqual(t(3));
		expect(mergeTombstone(t(3), t(5))).toEqual(t(3));
		expect(mergeTombstone(undefined, t(5))).toEqual(t(5));
		expect(mergeTombstone(t(5, 'b'), t(5, 'a'))).toEqual(t(5, 'a'));
	});
	it('mergeTombstones reports only new keys', () => {
		const local = new Map([[recordKey('customers', 'c1'), t(5)]]);
		const other: Tombstone = { table: 'tasks', id: 'x', hlc: hlc(1, 'B'), by: 'm' };
		const res = mergeTombstones(local, [t(3), other]);
		expect(res.added).toEqual(['tasks/x']);
		expect(res.tombstones.get('customers/c1')).toEqual(t(3));
		expect(local.get('customers/c1')).toEqual(t(5));
	});
	it('asTombstone validates shape', () => {
		expect(asTombstone(t(1))).toEqual(t(1));
		expect(asTombstone({ ...t(1), id: '' })).toBeNull();
		expect(asTombstone({ ...t(1), hlc: 5 })).toBeNull();
		expect(asTombstone(null)).toBeNull();
		expect(asTombstone('x')).toBeNull();
	});
});

describe('mergeSets', () => {
	function state(records: [string, SyncRecord][], tombstones: Tombstone[] = []): SyncState {
		const s = emptyState();
		for (const [table, r] of records) {
			if (!s.records.has(table)) s.records.set(table, new Map());
			s.records.get(table)!.set(r.id, r);
		}
		for (const tb of tombstones) s.tombstones.set(recordKey(tb.table, tb.id), tb);
		return s;
	}
	const withId = (r: SyncRecord, id: string) => ({ ...r, id });

	it('counts new, updated, unchanged, deleted and conflicts per table for the preview', () => {
		const same = withId(base(), 'same');
		const upd = withId(rec({ tier: 'A' }, st(100, 'A'), { tier: st(300, 'A') }), 'upd');
		const updRemote = withId(rec({ tier: 'C' }, st(100, 'A'), { tier: st(400, 'B') }), 'upd');
		const gone = withId(base(), 'gone');
		const local = state([
			['customers', same],
			['customers', upd],
			['customers', gone]
		]);
		const incoming = state(
			[
				['customers', same],
				['customers', updRemote],
				['customers', withId(base(), 'new')],
				['x_future', withId(base(), 'f1')]
			],
			[{ table: 'customers', id: 'gone', hlc: hlc(500, 'B'), by: 'm-B' }]
		);
		const res = mergeSets(local, incoming);
		expect(res.stats.customers).toEqual({
			new: 1,
			updated: 1,
			unchanged: 1,
			deleted: 1,
			conflicts: 1
		});
		expect(res.stats.x_future).toEqual({
			new: 1,
			updated: 0,
			unchanged: 0,
			deleted: 0,
			conflicts: 0
		});
		expect(res.conflicts[0]).toMatchObject({
			id: 'upd',
			field: 'tier',
			lostValue: 'A',
			wonStamp: st(400, 'B')
		});
		expect(res.state.records.get('customers')!.has('gone')).toBe(false);
		expect(res.state.records.get('x_future')!.get('f1')).toEqual(withId(base(), 'f1'));
		expect(res.changes.map((c) => `${c.kind}:${c.id}`).sort()).toEqual([
			'deleted:gone',
			'new:f1',
			'new:new',
			'updated:upd'
		]);
		// Inputs untouched.
		expect(local.records.get('customers')!.size).toBe(3);
	});

	it('an old snapshot imported after an erase never brings the record back', () => {
		const erase: Tombstone = { table: 'customers', id: 'c1', hlc: hlc(200, 'A'), by: 'm-A' };
		const afterErase = state([], [erase]);
		const old = state([
			['customers', rec({ name: 'edited later' }, st(100, 'A'), { name: st(900, 'B') })]
		]);
		const res = mergeSets(afterErase, old);
		expect(res.state.records.get('customers')?.size ?? 0).toBe(0);
		expect(res.stats.customers).toMatchObject({ new: 0, unchanged: 1 });
		expect(mergeSets(old, afterErase).state.records.get('customers')!.size).toBe(0);
	});
});

describe('withoutDerived', () => {
	it('drops the open keys for export, leaving the stored record as it was', () => {
		const stored = { id: 't', dueAt: 10, doneAt: null, openDueAt: 10 };
		expect(withoutDerived('tasks', stored)).toEqual({ id: 't', dueAt: 10, doneAt: null });
		expect(stored.openDueAt).toBe(10);
		const closed = { id: 'k', status: 'closed' };
		expect(withoutDerived('tickets', closed)).toBe(closed);
	});

	it('drops derived fields and any stamps an older version put on them', () => {
		const meta = { updated: 'h2', fields: { name: 'h1', searchKeys: 'h0' } };
		const c = { id: 'c', name: '张三', searchKeys: 'zs', lastContactAt: 5, _meta: meta };
		expect(withoutDerived('customers', c)).toEqual({
			id: 'c',
			name: '张三',
			_meta: { updated: 'h2', fields: { name: 'h1' } }
		});
		expect(c._meta.fields).toHaveProperty('searchKeys');
	});
});
