import { describe, expect, it } from 'vitest';
import { emptyState, mergeSets, type SyncRecord, type SyncState } from '../../sync/merge';
import { recordKey } from '../../sync/tombstone';
import { openSnapshot } from './decode';
import type { SnapshotEntry } from './entry';
import { readEntry } from './restore';
import { customer, encodeAll, hlc, stamp, tomb } from './test-util';

/**
 * A file's way into a device's data, as the import does it: decode, restore each line, merge.
 * Masks, tombstones, conflicts and unknown fields checked end to end.
 */

async function fileToState(bytes: Uint8Array): Promise<SyncState> {
	const snap = await openSnapshot([bytes]);
	const state = emptyState();
	for await (const entry of snap.entries()) {
		const read = readEntry(entry, snap.header);
		if (read.kind === 'tombstone')
			state.tombstones.set(recordKey(read.tombstone.table, read.tombstone.id), read.tombstone);
		else if (read.kind === 'record') {
			const rows = state.records.get(read.table) ?? new Map<string, SyncRecord>();
			state.records.set(read.table, rows.set(read.record.id, read.record));
		} else if (read.kind === 'invalid') throw new Error(`invalid line: ${read.reason}`);
	}
	return state;
}

function stateOf(records: SyncRecord[]): SyncState {
	const s = emptyState();
	s.records.set('customers', new Map(records.map((r) => [r.id, r])));
	return s;
}

const entriesOf = (s: SyncState): SnapshotEntry[] => [
	...[...s.records].flatMap(([t, rows]) => [...rows.values()].map((r) => ({ t, r }))),
	...[...s.tombstones.values()].map((r) => ({ t: '_tomb', r }))
];

const get = (s: SyncState, id: string) =>
	s.records.get('customers')?.get(id) as (SyncRecord & Record<string, unknown>) | undefined;

describe('importing a snapshot', () => {
	it('masked values never overwrite real ones, fill a gap, and give way to a real write', async () => {
		// A changed c1's phone after B last heard from A; A's export is masked.
		const onA = customer('c1', { phones: ['+8613911112222'] }, { phones: stamp(4000, 'A') });
		const masked = await encodeAll([{ t: 'customers', r: onA }], { mask: ['customers.phones'] });

		const onB = stateOf([customer('c1')]); // the real, older number
		const b = mergeSets(onB, await fileToState(masked));
		expect(get(b.state, 'c1')?.phones).toEqual(['+8613800138000']);
		expect(b.conflicts).toEqual([]);

		// C never had c1: the masked copy fills the gap, marked as masked.
		const c = mergeSets(emptyState(), await fileToState(masked));
		expect(get(c.state, 'c1')?.phones).toEqual(['*******2222']);
		expect(get(c.state, 'c1')?._masked).toEqual({ phones: hlc(4000, 'A') });

		// C re-exports without a mask: the mark travels with the record, B still keeps its number.
		const fromC = await encodeAll(entriesOf(c.state));
		const b2 = mergeSets(b.state, await fileToState(fromC));
		expect(get(b2.state, 'c1')?.phones).toEqual(['+8613800138000']);

		// A's real export reaches C: the real value replaces the masked one.
		const real = await encodeAll([{ t: 'customers', r: onA }]);
		const c2 = mergeSets(c.state, await fileToState(real));
		expect(get(c2.state, 'c1')?.phones).toEqual(['+8613911112222']);
		expect(get(c2.state, 'c1')?._masked).toBeUndefined();
	});

	it('a permanent delete beats every edit, and an old snapshot never brings the record back', async () => {
		const old = await encodeAll([{ t: 'customers', r: customer('c1') }]);
		// B edited c1 later than A erased it.
		const onB = stateOf([customer('c1', { name: '改名' }, { name: stamp(9000, 'B') })]);
		const erasedOnA = await encodeAll([{ t: '_tomb', r: tomb('c1', 5000) }]);
		const afterErase = mergeSets(onB, await fileToState(erasedOnA));
		expect(get(afterErase.state, 'c1')).toBeUndefined();
		expect(afterErase.changes).toEqual([
			{ table: 'customers', id: 'c1', kind: 'deleted', changedFields: [] }
		]);
		const again = mergeSets(afterErase.state, await fileToState(old));
		expect(get(again.state, 'c1')).toBeUndefined();
		expect(again.stats.customers).toMatchObject({ new: 0, unchanged: 1 });
	});

	it('lists a conflict when both changed the same field since they last shared', async () => {
		const onA = customer('c1', { tier: 'B' }, { tier: stamp(3000, 'A') });
		const onB = stateOf([customer('c1', { tier: 'C' }, { tier: stamp(3500, 'B') })]);
		const res = mergeSets(onB, await fileToState(await encodeAll([{ t: 'customers', r: onA }])));
		expect(get(res.state, 'c1')?.tier).toBe('C');
		expect(res.conflicts).toEqual([
			{
				table: 'customers',
				id: 'c1',
				field: 'tier',
				lostValue: 'B',
				lostStamp: stamp(3000, 'A'),
				wonStamp: stamp(3500, 'B')
			}
		]);
		expect(res.stats.customers).toMatchObject({ conflicts: 1 });
	});

	it('keeps fields and tables unknown to this version through import and re-export', async () => {
		const fromNewer = {
			...customer('c1'),
			vipLevel: 'gold',
			_meta: { ...customer('c1')._meta, fields: { vipLevel: stamp(2000, 'N') } }
		};
		const file = await encodeAll([
			{ t: 'customers', r: fromNewer },
			{ t: 'x_contracts', r: customer('k1') }
		]);
		const here = mergeSets(emptyState(), await fileToState(file)).state;
		expect(get(here, 'c1')?._extra).toEqual({ vipLevel: 'gold' });
		expect(here.records.get('x_contracts')?.has('k1')).toBe(true);
		const back = await fileToState(await encodeAll(entriesOf(here)));
		expect(get(back, 'c1')?._extra).toEqual({ vipLevel: 'gold' });
		expect(get(back, 'c1')?._meta.fields?.vipLevel).toEqual(stamp(2000, 'N'));
	});
});
