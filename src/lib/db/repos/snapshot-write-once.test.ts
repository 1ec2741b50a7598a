import 'fake-indexeddb/auto';
import type { DBCore, Middleware } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { Exchange } from '$lib/sync/exchange';
import { applySnapshotWith } from './snapshot-apply';
import { applyBatchWith } from './snapshot-batch-apply';
import { openBatchWith } from './snapshot-batch-open';
import { previewBatchWith } from './snapshot-batch-preview';
import { teammate, TEST_KDF, type Teammate } from './snapshot-teammates';

/**
 * Each record is written once per bulk operation (issue 20): a customer new here, or stored and
 * edited, whose interactions arrive in the same apply is written once, with its last contact,
 * not added first and put again for it. Counted under every layer of the app (tallies, change
 * numbers), as the writes reach IndexedDB.
 */
const COUNTED = new Set(['customers', 'interactions', 'contacts', 'tasks', 'members']);

class Writes {
	readonly byKey = new Map<string, number>();
	on = false;

	/** Keys written more than once while counting. */
	twice(): string[] {
		return [...this.byKey].filter(([, n]) => n > 1).map(([k]) => k);
	}

	count(table: string): number {
		return [...this.byKey.keys()].filter((k) => k.startsWith(`${table}/`)).length;
	}
}

/** Under the change counter (level 1.4): what reaches the object stores. */
function counting(writes: Writes): Middleware<DBCore> {
	return {
		stack: 'dbcore',
		name: 'TestWriteCount',
		level: 1,
		create(down) {
			return {
				...down,
				table(name) {
					const table = down.table(name);
					if (!COUNTED.has(name)) return table;
					return {
						...table,
						mutate(req) {
							if (writes.on && (req.type === 'add' || req.type === 'put'))
								for (const v of req.values) {
									const key = `${name}/${String(table.schema.primaryKey.extractKey!(v))}`;
									writes.byKey.set(key, (writes.byKey.get(key) ?? 0) + 1);
								}
							return table.mutate(req);
						}
					};
				}
			};
		}
	};
}

let n = 0;

async function receiver(): Promise<{ lead: Teammate; writes: Writes }> {
	const lead = await teammate(`wo-lead${n}`, `wolead${n}`, '张主管', 'ops_lead');
	const writes = new Writes();
	lead.db.use(counting(writes));
	// The middleware stack is built on open.
	lead.db.close();
	await lead.db.open();
	return { lead, writes };
}

const toLead = (t: Teammate): Exchange => ({
	recipient: { kind: 'lead' },
	scope: { kind: 'mine', memberId: t.session.member.id }
});

describe('a snapshot apply writes each record once', () => {
	it('one file: new customers and a stored one edited, with their calls', async () => {
		n++;
		const li = await teammate(`wo-li${n}`, `woli${n}`, '李娜');
		const { lead, writes } = await receiver();
		await li.addCustomer('s1');
		const first = await li.send(toLead(li));
		await lead.importFile(first.bytes);

		await li.edit('customers', 's1', { city: '上海' });
		await li.addInteraction('s1-call', 's1', 1_700_000_300_000);
		await li.addCustomer('c1');
		await li.addCustomer('c2');
		await li.addInteraction('c1-a', 'c1', 1_700_000_000_000);
		await li.addInteraction('c1-b', 'c1', 1_700_000_100_000);
		const second = await li.send(toLead(li));
		const p = await lead.preview(second.bytes);
		writes.on = true;
		await applySnapshotWith(lead, p.importId);

		expect(writes.twice()).toEqual([]);
		expect(writes.count('customers')).toBe(3);
		expect(writes.count('interactions')).toBe(3);
		expect((await lead.db.customers.get('c1'))?.lastContactAt).toBe(1_700_000_100_000);
		expect((await lead.db.customers.get('c2'))?.lastContactAt).toBeNull();
		const s1 = await lead.db.customers.get('s1');
		expect(s1).toMatchObject({ city: '上海', lastContactAt: 1_700_000_300_000 });
	});

	it('a batch: a customer new in one file and edited in the next, each written once', async () => {
		n++;
		const li = await teammate(`wo-li${n}`, `woli${n}`, '李娜');
		const { lead, writes } = await receiver();
		await li.addCustomer('li-1');
		await li.addInteraction('li-1-a', 'li-1', 1_700_000_000_000);
		const f1 = await li.send(toLead(li));
		await li.edit('customers', 'li-1', { city: '上海' });
		await li.addInteraction('li-1-b', 'li-1', 1_700_000_200_000);
		await li.addCustomer('li-3');
		await li.addInteraction('li-3-a', 'li-3', 1_700_000_100_000);
		const f2 = await li.send(toLead(li));
		const opened = await openBatchWith(
			lead,
			[f1, f2].map((f, i) => ({ name: `f${i}.rapport`, size: f.bytes.length, source: [f.bytes] })),
			{ testOnly: TEST_KDF }
		);
		const p = await previewBatchWith(lead, opened.toRead, opened.refused, { freeBytes: null });
		expect(p.files).toHaveLength(2);
		writes.on = true;
		const r = await applyBatchWith(
			lead,
			p.files.map((f) => f.preview.importId)
		);

		expect(r.files).toBe(2);
		expect(writes.twice()).toEqual([]);
		expect(writes.count('customers')).toBe(2);
		expect(writes.count('interactions')).toBe(3);
		expect(await lead.db.customers.get('li-1')).toMatchObject({
			city: '上海',
			lastContactAt: 1_700_000_200_000
		});
		expect((await lead.db.customers.get('li-3'))?.lastContactAt).toBe(1_700_000_100_000);
	});
});
