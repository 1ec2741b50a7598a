import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANGE_FIELD } from '$lib/sync/change-number';
import { NUMBERED_TABLES } from './change-counter-middleware';
import { changedSince, changeMark, changeNumberOf } from './repos/local-changes';
import { openDatabase, type RapportDB } from './schema';

/**
 * Every write to a synced table or to the tombstones takes the next local change number in its own
 * transaction, from one counter that every connection to the database (tabs, workers) shares.
 * Two Dexie instances on one fake-indexeddb database stand for two tabs.
 */

const meta = { created: { hlc: '000001700000000:0000:dev', by: 'm1' }, updated: 'h' };
const customer = (id: string, name = id) => ({ id, name, trashedAt: null, _meta: meta });
const interaction = (id: string) => ({
	id,
	customerId: 'c',
	ownerId: 'm1',
	type: 'call',
	at: 1_700_000_000_000,
	trashedAt: null,
	_meta: meta
});
const tomb = (id: string) => ({ table: 'customers', id, hlc: 'h', by: 'm1' });

const numberOf = async (d: RapportDB, table: string, key: unknown) =>
	changeNumberOf(((await d.table(table).get(key as string)) as object | undefined) ?? {});

async function fresh(): Promise<RapportDB> {
	const d = openDatabase(`chg-${crypto.randomUUID()}`);
	await d.open();
	return d;
}

describe('the change counter', () => {
	it('numbers every kind of write, a bulk in its order, and nothing else', async () => {
		const d = await fresh();
		expect(await changeMark(d)).toBe(0);
		const c1 = customer('c1');
		await d.table('customers').add(c1);
		expect(c1).not.toHaveProperty(CHANGE_FIELD);
		expect(await numberOf(d, 'customers', 'c1')).toBe(1);
		await d.table('interactions').bulkPut([interaction('i1'), interaction('i2')]);
		expect(await numberOf(d, 'interactions', 'i1')).toBe(2);
		expect(await numberOf(d, 'interactions', 'i2')).toBe(3);
		await d.table('customers').update('c1', { name: '张三' });
		expect(await numberOf(d, 'customers', 'c1')).toBe(4);
		await d
			.table('customers')
			.toCollection()
			.modify((c: { name: string }) => {
				c.name += '!';
			});
		expect(await numberOf(d, 'customers', 'c1')).toBe(5);
		await d.tombstones.put(tomb('gone'));
		expect(await numberOf(d, 'tombstones', ['customers', 'gone'])).toBe(6);
		// A number a caller brings is not kept: it would be a write that "changed after" misses.
		await d.table('customers').put({ ...customer('c2'), [CHANGE_FIELD]: 1 });
		expect(await numberOf(d, 'customers', 'c2')).toBe(7);
		// Other stores are not numbered; deletes leave nothing to number.
		await d.settings.put({ key: 'x', value: 1 });
		expect(await d.settings.get('x')).toEqual({ key: 'x', value: 1 });
		await d.table('customers').delete('c2');
		expect(await changeMark(d)).toBe(7);
		d.close();
	});

	it('numbers the writes of one transaction in their order, even side by side', async () => {
		const d = await fresh();
		// Contacts: the tallies middleware queues writes to the tables it tallies, which would
		// order them among the others by when their tallies are read, not by this middleware.
		const customers = d.table('contacts');
		await d.transaction('rw', [customers, d.tombstones], async () => {
			await customers.put(customer('a'));
			await Promise.all([
				customers.bulkPut([customer('b'), customer('c')]),
				d.tombstones.put(tomb('t')),
				customers.put(customer('d'))
			]);
		});
		expect(await numberOf(d, 'contacts', 'a')).toBe(1);
		expect(await numberOf(d, 'contacts', 'b')).toBe(2);
		expect(await numberOf(d, 'contacts', 'c')).toBe(3);
		expect(await numberOf(d, 'tombstones', ['customers', 't'])).toBe(4);
		expect(await numberOf(d, 'contacts', 'd')).toBe(5);
		expect(await changeMark(d)).toBe(5);
		d.close();
	});

	it('a rolled-back transaction takes its numbers with it', async () => {
		const d = await fresh();
		await d.table('customers').put(customer('a'));
		await expect(
			d.transaction('rw', d.table('customers'), async () => {
				await d.table('customers').bulkPut([customer('b'), customer('c')]);
				throw new Error('roll back');
			})
		).rejects.toThrow('roll back');
		expect(await changeMark(d)).toBe(1);
		await d.table('customers').put(customer('b'));
		expect(await numberOf(d, 'customers', 'b')).toBe(2);
		d.close();
	});

	it('widens a read-write transaction that does not name the counter, and no other', async () => {
		const d = await fresh();
		const scope = (tx: unknown) => [
			...(tx as { idbtrans: IDBTransaction }).idbtrans.objectStoreNames
		];
		const rw = await d.transaction('rw', d.table('tasks'), (tx) => scope(tx));
		expect(rw).toContain('changeCounter');
		const ro = await d.transaction('r', d.table('tasks'), (tx) => scope(tx));
		expect(ro).not.toContain('changeCounter');
		const other = await d.transaction('rw', d.settings, (tx) => scope(tx));
		expect(other).not.toContain('changeCounter');
		d.close();
	});

	it('is one counter for two connections: interleaved writes take increasing numbers', async () => {
		const a = await fresh();
		const b = openDatabase(a.name);
		await b.open();
		const committed: string[] = [];
		const write = (d: RapportDB, who: string, ids: string[]) =>
			d
				.transaction('rw', d.table('customers'), async () => {
					for (const id of ids) {
						// A read between the writes: the other connection's transaction cannot slip in.
						await d.table('customers').get(id);
						await d.table('customers').put(customer(id, who));
					}
				})
				.then(() => committed.push(who));
		await Promise.all([
			write(a, 'a1', ['x', 'y']),
			write(b, 'b1', ['y', 'z']),
			write(a, 'a2', ['z']),
			write(b, 'b2', ['w', 'x'])
		]);
		expect(committed).toEqual(['a1', 'b1', 'a2', 'b2']);
		const rows = (await b.table('customers').toArray()) as { id: string; name: string }[];
		const byId = Object.fromEntries(rows.map((r) => [r.id, [r.name, changeNumberOf(r)]]));
		expect(byId).toEqual({ y: ['b1', 3], z: ['a2', 5], w: ['b2', 6], x: ['b2', 7] });
		expect(await changeMark(a)).toBe(7);
		a.close();
		b.close();
	});
});

/** A write of one transaction: a new record, a rewrite of a shared one, or a tombstone. */
type Write = { table: 'customers' | 'interactions' | 'tombstones'; id: string };
/** A transaction of writes on one of two connections, or a reader taking "changed after". */
type Op = { kind: 'write'; conn: 0 | 1; writes: Write[] } | { kind: 'read'; conn: 0 | 1 };

const writeArb: fc.Arbitrary<Write> = fc.record({
	table: fc.constantFrom('customers' as const, 'interactions' as const, 'tombstones' as const),
	id: fc.constantFrom('s1', 's2', 's3', 'new')
});
const opArb: fc.Arbitrary<Op> = fc.oneof(
	{
		weight: 3,
		arbitrary: fc.record({
			kind: fc.constant('write' as const),
			conn: fc.constantFrom(0 as const, 1 as const),
			writes: fc.array(writeArb, { minLength: 1, maxLength: 4 })
		})
	},
	fc.record({ kind: fc.constant('read' as const), conn: fc.constantFrom(0 as const, 1 as const) })
);

const keyOf = (table: string, r: Record<string, unknown>) =>
	table === 'tombstones'
		? `${table}/${String(r.table)}/${String(r.id)}`
		: `${table}/${String(r.id)}`;

/** Every numbered record now, as `key@number`, read in one transaction. */
async function everything(d: RapportDB): Promise<{ key: string; n: number }[]> {
	const tables = NUMBERED_TABLES.map((t) => d.table(t));
	return d.transaction('r', tables, async () => {
		const out: { key: string; n: number }[] = [];
		for (const t of NUMBERED_TABLES)
			for (const r of (await d.table(t).toArray()) as Record<string, unknown>[])
				out.push({ key: keyOf(t, r), n: changeNumberOf(r) });
		return out;
	});
}

describe('the change counter, whatever the interleaving of two connections', () => {
	it('numbers uniquely, increasing in commit order, and readers of "changed after" miss nothing', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 14 }), async (ops) => {
				const first = await fresh();
				const second = openDatabase(first.name);
				await second.open();
				const conns = [first, second] as const;
				/** Per committed transaction, in commit order, the numbers its writes took. */
				const commits: number[][] = [];
				const seen = new Set<string>();
				const broken: string[] = [];
				let mark = 0;
				let newIds = 0;

				const write = (d: RapportDB, writes: Write[]) => {
					const took: number[] = [];
					const tables = [...new Set(writes.map((w) => d.table(w.table)))];
					return d
						.transaction('rw', tables, async () => {
							for (const w of writes) {
								const id = w.id === 'new' ? `n${newIds++}` : w.id;
								const t = d.table(w.table);
								const row =
									w.table === 'tombstones'
										? tomb(id)
										: w.table === 'customers'
											? customer(id)
											: interaction(id);
								await t.put(row);
								const key = w.table === 'tombstones' ? ['customers', id] : id;
								took.push(changeNumberOf((await t.get(key)) as object));
							}
						})
						.then(() => commits.push(took));
				};

				// A reader as the delta export will be: the mark first, then each table after the
				// last mark, each read on its own; then what it did not see must not be at or below
				// the mark it reached before.
				const read = async (d: RapportDB) => {
					const before = mark;
					const next = await changeMark(d);
					for (const t of NUMBERED_TABLES)
						for (const r of await changedSince(t, before, Infinity, d))
							seen.add(`${keyOf(t, r)}@${changeNumberOf(r)}`);
					for (const { key, n } of await everything(d))
						if (n <= next && !seen.has(`${key}@${n}`)) broken.push(`${key}@${n} ≤ ${next}`);
					mark = Math.max(mark, next);
				};

				try {
					// All at once: IndexedDB decides the order.
					await Promise.all(
						ops.map((op) =>
							op.kind === 'write' ? write(conns[op.conn], op.writes) : read(conns[op.conn])
						)
					);
					await read(first);

					const all = commits.flat();
					// Unique, and increasing within each transaction and from one commit to the next.
					expect(all).toEqual([...all].sort((x, y) => x - y));
					expect(new Set(all).size).toBe(all.length);
					expect(all.every((n) => n > 0)).toBe(true);
					expect(await changeMark(second)).toBe(all.length ? Math.max(...all) : 0);
					// The readers together saw every record as it is now.
					expect(broken).toEqual([]);
					for (const { key, n } of await everything(second)) expect(seen).toContain(`${key}@${n}`);
				} finally {
					first.close();
					second.close();
					await first.delete();
				}
			}),
			{ numRuns: 100 }
		);
	}, 120_000);
});
