import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { SYNCED_TABLES } from '$lib/sync/tables';
import { openSnapshotFile } from './snapshot-open';
import { previewSnapshotWith } from './snapshot-preview';
import { restoreSnapshotWith } from './snapshot-restore';
import { teammate, TEST_KDF, type Teammate } from './snapshot-teammates';

/**
 * Issue 20: a bulk operation writes each record once. A backup restored into a new install
 * writes every record of the file once, a customer with its last contact already set, not added
 * first and written again for it.
 */
let n = 0;

async function install(name: string, memberName = ''): Promise<Teammate> {
	n++;
	const t = await teammate(`restore-once-${name}-${n}`, `dev${name}${n}`, memberName);
	await t.db.settings.bulkPut([
		{ key: 'deviceId', value: t.session.deviceId },
		{ key: 'memberId', value: t.session.member.id }
	]);
	return t;
}

/** Every write to a synced table, as `table/id`, counted (Dexie's creating and updating hooks). */
function countWrites(t: Teammate): Map<string, number> {
	const writes = new Map<string, number>();
	for (const table of SYNCED_TABLES) {
		const note = (id: unknown) => {
			const key = `${table}/${String(id)}`;
			writes.set(key, (writes.get(key) ?? 0) + 1);
		};
		t.db.table(table).hook('creating', (id, rec: { id: string }) => note(id ?? rec.id));
		t.db.table(table).hook('updating', (_mods, id) => note(id));
	}
	return writes;
}

describe('a backup restored into a new install', () => {
	// A restore is a snapshot apply: a customer is written once, with the last contact of the
	// interactions that arrive after it in the file.
	it('writes each record once, customers with their last contact', async () => {
		const a = await install('a', '王经理');
		for (const c of ['c1', 'c2', 'c3']) await a.addCustomer(c);
		await a.addInteraction('i1', 'c1', 1_000);
		await a.addInteraction('i2', 'c1', 3_000);
		await a.addInteraction('i3', 'c2', 2_000);
		const file = await a.exportFile({ kind: 'backup' });

		const b = await install('b');
		const writes = countWrites(b);
		const reader = await openSnapshotFile([file], { testOnly: TEST_KDF });
		const preview = await previewSnapshotWith(b, reader, {
			fileName: 'backup.rapport',
			restore: true
		});
		const result = await restoreSnapshotWith(b, preview.importId);

		expect(result.member?.id).toBe(a.session.member.id);
		const customers = Object.fromEntries(
			(await b.db.customers.toArray()).map((c) => [c.id, c.lastContactAt])
		);
		expect(customers).toEqual({ c1: 3_000, c2: 2_000, c3: null });
		const twice = [...writes].filter(([, k]) => k > 1).map(([key]) => key);
		expect(twice).toEqual([]);
		// Three customers, three interactions and the backup's member: each written.
		for (const key of ['customers/c1', 'customers/c3', 'interactions/i3'])
			expect(writes.get(key)).toBe(1);
		expect(writes.get(`members/${a.session.member.id}`)).toBe(1);
	});
});
