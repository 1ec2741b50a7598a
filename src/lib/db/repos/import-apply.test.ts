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
import { Stager } from '$lib/io/import/stager';
import { newId } from '../ids';
import { createCustomer, getCustomer } from './customers';
import { commitImport, stageOps, startImport } from './imports';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

async function stored(p: Partial<CustomerDraft>): Promise<string> {
	return createCustomer({ ...emptyCustomerDraft('m'), ...p });
}

/** Reads, stages and commits `csv` with `strategy` against the customers with these ids. */
async function importFile(csv: string, strategy: DuplicateStrategy, ids: string[]) {
	const existing = [];
	for (const id of ids) {
		const c = await getCustomer(id);
		if (c) existing.push(c);
	}
	const importId = await startImport({ fileName: 'f.csv', target: 'customer', counts: {} });
	const stager = new Stager('customer', new Map(), 'me');
	let seq = 0;
	for await (const ev of importCsv(utf8(csv), { target: 'customer', existing }))
		if (ev.kind === 'batch') await stageOps(importId, seq++, stager.take(ev.rows));
	return commitImport(importId, {
		plan: importPlanner('customer', strategy, new Set(), 1, newId)
	});
}

describe('import over stored customers', () => {
	it.fails('overwrite of Name and Phone leaves stage, source and kind as they were', async () => {
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
			updated: 1
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

	it.fails('fill does not give a stored customer the defaults of a new one', async () => {
		const id = await stored({ name: 'Zhou Min', phones: ['+8613800000201'], stage: 'prospect' });
		await importFile('Name,Phone,City\nZhou Min,13800000201,杭州\n', 'fill', [id]);
		expect(await getCustomer(id)).toMatchObject({ city: '杭州', stage: 'prospect', source: '' });
	});
});
