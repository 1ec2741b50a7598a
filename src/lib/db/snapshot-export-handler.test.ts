import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { concatBytes } from '$lib/io/snapshot/bytes';
import { decodeSnapshot } from '$lib/io/snapshot/decode';
import { collectBytes, exportSnapshotWith } from './repos/snapshot-export';
import { openSnapshotFile } from './repos/snapshot-open';
import type { ExportScope } from './repos/snapshot-source';
import { teammate, TEST_KDF, type Teammate } from './repos/snapshot-teammates';
import { openDatabase } from './schema';
import { exportHandler, type ExportMessage, type ExportRequest } from './snapshot-export-handler';

const NOW = 1_750_000_000_000;

/** Drives the worker's handler as the page does: one pull per answer, until the end. */
async function throughWorker(
	t: Teammate,
	scope: ExportScope,
	opts: Partial<ExportRequest['opts']> = {},
	onRead: (read: number, cancel: () => void) => void = () => undefined
): Promise<{ bytes: Uint8Array; reads: number[]; last: ExportMessage }> {
	const answers: ExportMessage[] = [];
	let wake: () => void = () => undefined;
	const reads: number[] = [];
	const handle = exportHandler(
		() => openDatabase(t.db.name),
		(m) => {
			if (m.kind === 'read') {
				reads.push(m.read);
				onRead(m.read, () => handle({ kind: 'cancel' }));
			} else answers.push(m);
			wake();
		}
	);
	handle({
		kind: 'export',
		scope,
		deviceId: t.session.deviceId,
		member: t.session.member,
		opts: { now: NOW, testOnly: TEST_KDF, ...opts }
	});
	const parts: Uint8Array[] = [];
	const answer = async () => {
		// A progress message wakes this too: wait again until an answer is there.
		while (answers.length === 0) await new Promise<void>((ok) => (wake = ok));
		return answers.shift()!;
	};
	for (;;) {
		handle({ kind: 'pull' });
		const m = await answer();
		if (m.kind !== 'chunk') return { bytes: concatBytes(parts), reads, last: m };
		parts.push(m.bytes);
	}
}

async function withData(): Promise<Teammate> {
	const a = await teammate('exp-worker', 'dev-exp-worker', '王经理');
	for (let i = 0; i < 3; i++) {
		const c = await a.addCustomer(`c${i}`, { emails: [`c${i}@example.com`] });
		for (let j = 0; j < 400; j++) await a.addInteraction(`i${i}-${j}`, c, 1_700_000_000_000 + j);
	}
	await a.erase('c2');
	return a;
}

describe('the export worker', () => {
	// Read only by every test: seeded once.
	let a: Teammate;
	beforeAll(async () => {
		a = await withData();
	}, 120_000);

	it('writes the very bytes the encoder writes on the page, for every scope', async () => {
		const scopes: ExportScope[] = [
			{ kind: 'all' },
			{ kind: 'backup' },
			{ kind: 'mine' },
			{ kind: 'selection', customerIds: ['c1'], label: '重点' }
		];
		for (const scope of scopes) {
			const page = await collectBytes(
				exportSnapshotWith(a, scope, { now: NOW, testOnly: TEST_KDF })
			);
			const worker = await throughWorker(a, scope);
			expect(worker.last).toEqual({ kind: 'end' });
			expect(worker.bytes.length).toBeGreaterThan(1_000);
			expect(worker.bytes).toEqual(page);
		}
		const mask = ['customers.emails', 'interactions.summary'];
		const masked = await throughWorker(a, { kind: 'all' }, { mask });
		expect(masked.bytes).toEqual(
			await collectBytes(exportSnapshotWith(a, { kind: 'all' }, { now: NOW, mask }))
		);
	});

	it('writes a file that opens with its header’s counts, and reports what it reads', async () => {
		const { bytes, reads } = await throughWorker(a, { kind: 'all' });
		const reader = await openSnapshotFile([bytes], { testOnly: TEST_KDF });
		// Two customers and 800 calls left, 401 tombstones (c2 and its calls), the member.
		expect(reader.header.counts).toEqual({
			customers: 2,
			interactions: 800,
			_tomb: 401,
			members: 1
		});
		expect(reads).toEqual([500, 1_000, 1_204]);
	});

	it('encrypts in the worker: the file opens with the passphrase only', async () => {
		const { bytes, last } = await throughWorker(a, { kind: 'all' }, { passphrase: '芝麻开门' });
		expect(last).toEqual({ kind: 'end' });
		const reader = await openSnapshotFile([bytes], { testOnly: TEST_KDF });
		expect(reader.header.encryption?.alg).toBe('AES-GCM');
		await expect(reader.unlock('wrong')).rejects.toMatchObject({
			code: 'snapshot_wrong_passphrase'
		});
		let calls = 0;
		for await (const e of decodeSnapshot([bytes], { passphrase: '芝麻开门', testOnly: TEST_KDF }))
			if (e.t === 'interactions') calls += 1;
		expect(calls).toBe(800);
	});

	it('says why the encoder refused, by its code', async () => {
		const { bytes, last } = await throughWorker(a, { kind: 'all' }, { passphrase: '' });
		expect(bytes.length).toBe(0);
		expect(last).toMatchObject({ kind: 'failed', code: 'snapshot_passphrase_required' });
	});

	it('stops on cancel, with no end and no trailer', async () => {
		const { last } = await throughWorker(a, { kind: 'all' }, {}, (read, cancel) => {
			if (read >= 500) cancel();
		});
		expect(last).toMatchObject({ kind: 'failed', name: 'AbortError', code: null });
	});
});
