import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Exchange } from '$lib/sync/exchange';
import { applyBatchWith } from './snapshot-batch-apply';
import { openBatchWith } from './snapshot-batch-open';
import { previewBatchWith } from './snapshot-batch-preview';
import { combine } from './snapshot-batch-stage';
import { teammate, TEST_KDF, type Teammate } from './snapshot-teammates';

/**
 * The batch preview counts each record once per teammate across the batch, as the files apply in
 * order: a customer one file creates and a later one edits is one new customer, and a stored one
 * that two files edit is one update.
 */
let n = 0;
const toLead = (t: Teammate): Exchange => ({
	recipient: { kind: 'lead' },
	scope: { kind: 'mine', memberId: t.session.member.id }
});

async function previewOf(lead: Teammate, files: Uint8Array[]) {
	const opened = await openBatchWith(
		lead,
		files.map((bytes, i) => ({ name: `${i}.rapport`, size: bytes.length, source: [bytes] })),
		{ testOnly: TEST_KDF }
	);
	return previewBatchWith(lead, opened.toRead, opened.refused, { freeBytes: null });
}

describe('batch preview counts', () => {
	it('counts a record created then edited as one new, and two edits as one update', async () => {
		n++;
		const li = await teammate(`bc-li${n}`, `bcli${n}`, '李娜');
		const lead = await teammate(`bc-lead${n}`, `bclead${n}`, '张主管', 'ops_lead');
		// The lead holds Li and her customer e1 already (a full file).
		await li.addCustomer('e1');
		await li.send(toLead(li), { written: true });
		await lead.importFile(await li.exportFile());
		expect(await lead.db.customers.get('e1')).toBeDefined();

		await li.addCustomer('c1');
		await li.edit('customers', 'e1', { city: '北京' });
		const f1 = (await li.send(toLead(li))).bytes;
		await li.addCustomer('c2');
		const f2 = (await li.send(toLead(li))).bytes;
		await li.edit('customers', 'c1', { city: '上海' });
		await li.edit('customers', 'e1', { city: '广州' });
		const f3 = (await li.send(toLead(li))).bytes;

		const p = await previewOf(lead, [f1, f2, f3]);
		expect(p.files).toHaveLength(3);
		const s = p.senders.find((x) => x.name === '李娜')!;
		// c1 and c2 are new, e1 is updated: by hand, whatever the number of files.
		expect(s.stats).toMatchObject({ new: 2, updated: 1, deleted: 0, conflicts: 0 });

		// And the apply does what the preview counted.
		const r = await applyBatchWith(
			lead,
			p.files.map((f) => f.preview.importId)
		);
		expect((await lead.db.customers.get('c1'))?.city).toBe('上海');
		expect((await lead.db.customers.get('e1'))?.city).toBe('广州');
		expect(await lead.db.customers.get('c2')).toBeDefined();
		expect(r.files).toBe(3);
	});
});

describe('combine', () => {
	it('gives what the batch does to a record in the end', () => {
		expect(combine('new', 'updated')).toBe('new');
		expect(combine('new', 'deleted')).toBe('unchanged');
		expect(combine('updated', 'updated')).toBe('updated');
		expect(combine('updated', 'deleted')).toBe('deleted');
		expect(combine('unchanged', 'updated')).toBe('updated');
		expect(combine('deleted', 'unchanged')).toBe('deleted');
		expect(combine(undefined, 'new')).toBe('new');
	});
});
