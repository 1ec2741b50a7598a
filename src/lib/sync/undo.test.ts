import { describe, expect, it } from 'vitest';
import { createRecord, editRecord } from './edit';
import type { Synced } from './stamp';
import {
	combineChanges,
	editedSince,
	keptCreated,
	latestHlc,
	restoreOf,
	type ChangedByImport,
	type Link
} from './undo';

type Rec = Synced & Record<string, unknown>;
const s = (n: number, by = 'm') => ({ hlc: `00000000000000${n}:0000:dev`, by });

describe('restoreOf: the fields an import changed', () => {
	const before = createRecord<Rec>('c1', { city: '', industry: '', name: 'A' }, s(1));
	const imported = editRecord(before, { city: '苏州', industry: '制造' }, s(2));
	const change: ChangedByImport = {
		table: 'customers',
		id: 'c1',
		before,
		written: { city: s(2).hlc, industry: s(2).hlc }
	};

	it('gives back every field nobody wrote since', () => {
		expect(restoreOf(imported.next, change, [])).toEqual({
			patch: { city: '', industry: '' },
			since: [],
			reason: null
		});
	});

	it('leaves a field written since alone, and says so', () => {
		const later = editRecord(imported.next, { city: '无锡' }, s(3)).next;
		expect(restoreOf(later, change, [])).toEqual({
			patch: { industry: '' },
			since: ['city'],
			reason: 'changed'
		});
	});

	it('counts a teammate’s write merged since as written since, even with the same value', () => {
		const merged = { ...imported.next, _meta: { ...imported.next._meta } } as Rec;
		merged._meta.fields = { ...merged._meta.fields, city: s(4, 'teammate') };
		expect(restoreOf(merged, change, []).since).toEqual(['city']);
	});

	it('never restores a derived field', () => {
		const withKeys = { ...change, written: { ...change.written, searchKeys: s(2).hlc } };
		expect(restoreOf(imported.next, withKeys, ['searchKeys']).patch).not.toHaveProperty(
			'searchKeys'
		);
	});

	it('without recorded stamps, restores nothing and lists every field that differs', () => {
		const legacy = { ...change, written: null };
		const r = restoreOf(imported.next, legacy, ['searchKeys']);
		expect(r.patch).toEqual({});
		expect(r.since.sort()).toEqual(['city', 'industry']);
		expect(r.reason).toBe('unknown');
		// Nothing differs any more: nothing to keep or list.
		expect(restoreOf(before, legacy, []).reason).toBeNull();
	});
});

describe('combineChanges: a record an import changed twice', () => {
	it('takes the values before the first change and the stamps of the last', () => {
		const first: ChangedByImport = {
			table: 'customers',
			id: 'c1',
			before: { city: 'a' },
			written: { city: 'h2' }
		};
		const second: ChangedByImport = {
			table: 'customers',
			id: 'c1',
			before: { city: 'b' },
			written: { city: 'h3', tier: 'h3' }
		};
		const other: ChangedByImport = { ...first, id: 'c2' };
		expect(combineChanges([first, second, other])).toEqual([
			{ ...first, written: { city: 'h3', tier: 'h3' } },
			other
		]);
		// The inputs are not changed.
		expect(first.written).toEqual({ city: 'h2' });
	});

	it('without recorded stamps for either change, none for the record', () => {
		const a: ChangedByImport = { table: 't', id: 'x', before: {}, written: { f: 'h' } };
		expect(combineChanges([a, { ...a, written: null }])[0]?.written).toBeNull();
	});
});

describe('editedSince: a record an import created', () => {
	const rec = createRecord<Rec>('c1', { name: 'A' }, s(1));
	it('is untouched while its updated stamp is the import’s', () => {
		expect(editedSince(rec._meta, s(1).hlc)).toBe(false);
		expect(editedSince(rec._meta, null)).toBe(false);
	});
	it('is edited once anything wrote to it', () => {
		const later = editRecord(rec, { name: 'B' }, s(2)).next;
		expect(editedSince(later._meta, s(1).hlc)).toBe(true);
		expect(editedSince(later._meta, null)).toBe(true);
	});
	it('the import’s own later write of it is not an edit since', () => {
		const twice = editRecord(rec, { name: 'B' }, s(2)).next;
		expect(editedSince(twice._meta, latestHlc([s(1).hlc, s(2).hlc]))).toBe(false);
	});
});

describe('keptCreated: which created records stay', () => {
	const created = new Set(['customers/a', 'customers/b', 'contacts/ac', 'interactions/ai']);
	const parts: Link[] = [
		{ from: 'contacts/ac', to: 'customers/a', part: true },
		{ from: 'interactions/ai', to: 'customers/a', part: true }
	];

	it('removes all when nothing was edited and nothing refers to them from outside', () => {
		expect(keptCreated(created, new Set(), parts).size).toBe(0);
	});

	it('keeps an edited record with the parts created with it', () => {
		const kept = keptCreated(created, new Set(['customers/a']), parts);
		expect(Object.fromEntries(kept)).toEqual({
			'customers/a': 'edited',
			'contacts/ac': 'with_parent',
			'interactions/ai': 'with_parent'
		});
	});

	it('keeps a record that a record from outside the import refers to', () => {
		const links = [...parts, { from: 'deals/local', to: 'customers/b', part: true }];
		expect(Object.fromEntries(keptCreated(created, new Set(), links))).toEqual({
			'customers/b': 'linked'
		});
	});

	it('keeps what a kept record refers to, in chains', () => {
		const all = new Set([...created, 'members/t', 'tasks/f']);
		const links: Link[] = [
			...parts,
			{ from: 'customers/a', to: 'members/t', part: false },
			{ from: 'tasks/f', to: 'interactions/ai', part: true }
		];
		// A follow-up done since keeps its interaction, whose customer and owner stay with it.
		const kept = keptCreated(all, new Set(['tasks/f']), links);
		expect(Object.fromEntries(kept)).toEqual({
			'tasks/f': 'edited',
			'interactions/ai': 'linked',
			'customers/a': 'linked',
			'members/t': 'linked',
			'contacts/ac': 'with_parent'
		});
	});

	it('a reference is not a part: an owner kept does not keep the records it owns', () => {
		const all = new Set(['members/t', 'customers/a']);
		const links: Link[] = [{ from: 'customers/a', to: 'members/t', part: false }];
		expect(Object.fromEntries(keptCreated(all, new Set(['members/t']), links))).toEqual({
			'members/t': 'edited'
		});
	});

	it('ignores links and edits of records the import did not create', () => {
		const links: Link[] = [{ from: 'x/1', to: 'y/2', part: true }];
		expect(keptCreated(created, new Set(['z/3']), links).size).toBe(0);
	});
});
