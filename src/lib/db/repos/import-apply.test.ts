/**
 * A customer file committed against stored customers, the way the app does it: the codec reads
 * the file, the stager gives the rows their ids, the planner of the chosen strategy turns them
 * into operations and applyImport writes them.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { CustomerDraft } from '$lib/domain/customer/customer';
import { emptyCustomerDraft } from '$lib/domain/customer/empty';
import { importCsv } from '$lib/io/csv/codec';
import { importPlanner } from '$lib/io/import/planner';
import type { DuplicateStrategy } from '$lib/io/import/plan';
import type { StagedCustomerRow } from '$lib/io/import/plan';
import { Stager } from '$lib/io/import/stager';
import { StoredChanges, type FieldChanges } from '$lib/io/import/stored-changes';
import { db } from '../db';
import { sameValue } from '$lib/sync/edit';
import { newId } from '../ids';
import { createCustomer, getCustomer } from './customers';
import { readStoredCustomers, type CommitResult } from './import-apply';
import { commitImport, stageOps, startImport } from './imports';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

async function stored(p: Partial<CustomerDraft>): Promise<string> {
	return createCustomer({ ...emptyCustomerDraft('m'), ...p });
}

/**
 * Reads, stages and commits `csv` with `strategy` against the customers with these ids; the
 * preview of the stored values it changes is counted on the way, as the check worker does.
 */
async function importFile(
	csv: string,
	strategy: DuplicateStrategy,
	ids: string[]
): Promise<CommitResult & { preview: FieldChanges }> {
	const existing = [];
	for (const id of ids) {
		const c = await getCustomer(id);
		if (c) existing.push(c);
	}
	const importId = await startImport({ fileName: 'f.csv', target: 'customer', counts: {} });
	const stager = new Stager('customer', new Map(), 'me');
	const changes = new StoredChanges();
	let seq = 0;
	for await (const ev of importCsv(utf8(csv), { target: 'customer', existing, batchSize: 2 })) {
		if (ev.kind !== 'batch') continue;
		const rows = stager.take(ev.rows) as StagedCustomerRow[];
		const { updates, unknown } = changes.plan(rows);
		changes.add(updates, await readStoredCustomers(db(), unknown));
		await stageOps(importId, seq++, rows);
	}
	const result = await commitImport(importId, {
		plan: importPlanner('customer', strategy, new Set(), 1, newId)
	});
	const mode = strategy === 'fill' || strategy === 'overwrite' ? strategy : null;
	return { ...result, preview: mode ? changes.changes(mode) : [] };
}

describe('import over stored customers', () => {
	it('overwrite of Name and Phone leaves stage, source and kind as they were', async () => {
		const company = await stored({
			kind: 'company',
			name: 'Blue Harbor',
			phones: ['+8613800000101'],
			stage: 'customer',
			source: 'referral',
			tier: 'A'
		});
		const person = await stored({
			name: 'Li Na',
			phones: ['+8613800000102'],
			stage: 'loyal',
			source: 'exhibition'
		});
		const csv =
			'Name,Phone\nBlue Harbor,13800000101\nLi Na Wang,13800000102\nNew One,13800000103\n';
		expect(await importFile(csv, 'overwrite', [company, person])).toEqual({
			created: 1,
			updated: 1,
			preview: [
				['name', 1],
				['phone', 0]
			]
		});
		expect(await getCustomer(company)).toMatchObject({
			kind: 'company',
			stage: 'customer',
			source: 'referral',
			tier: 'A'
		});
		expect(await getCustomer(person)).toMatchObject({
			kind: 'person',
			name: 'Li Na Wang',
			stage: 'loyal',
			source: 'exhibition'
		});
	});

	it('fill does not give a stored customer the defaults of a new one', async () => {
		const id = await stored({ name: 'Zhou Min', phones: ['+8613800000201'], stage: 'prospect' });
		await importFile('Name,Phone,City\nZhou Min,13800000201,杭州\n', 'fill', [id]);
		expect(await getCustomer(id)).toMatchObject({ city: '杭州', stage: 'prospect', source: '' });
	});

	it('the preview counts, per field, the stored values each strategy then changes', async () => {
		for (const [strategy, n] of [
			['fill', 301],
			['overwrite', 302]
		] as const) {
			const ids = [
				await stored({ name: 'Wu Lei', phones: [`+86138000${n}01`], city: '', stage: 'customer' }),
				await stored({ name: 'Xu Jing', phones: [`+86138000${n}02`], city: '北京', tier: 'B' }),
				await stored({ name: 'Sun Hao', phones: [`+86138000${n}03`], city: '上海' })
			];
			const before = await Promise.all(ids.map((id) => getCustomer(id)));
			const csv =
				'Name,Phone,City,Stage,Tier\n' +
				`Wu Lei,138000${n}01,杭州,,A\n` +
				`Xu Jing Li,138000${n}02,北京,lead,\n` +
				`Sun Hao,138000${n}03,,churned,C\n` +
				`Xu Jing Li,138000${n}02,南京,,\n`;
			const { preview } = await importFile(csv, strategy, ids);
			const after = await Promise.all(ids.map((id) => getCustomer(id)));
			const changed = (field: 'name' | 'phones' | 'city' | 'stage' | 'tier') =>
				ids.filter((_, i) => !sameValue(before[i]?.[field], after[i]?.[field])).length;
			expect(preview).toEqual([
				['name', changed('name')],
				['phone', changed('phones')],
				['city', changed('city')],
				['tier', changed('tier')],
				['stage', changed('stage')]
			]);
			expect(preview).toEqual(
				strategy === 'fill'
					? [
							['name', 0],
							['phone', 0],
							['city', 1],
							['tier', 2],
							['stage', 0]
						]
					: [
							['name', 1],
							['phone', 0],
							['city', 2],
							['tier', 2],
							['stage', 1]
						]
			);
		}
	});
});
