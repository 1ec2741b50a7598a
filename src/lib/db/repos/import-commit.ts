/**
 * Commits a checked import in the import commit worker (see ../import-commit.worker.ts): the page
 * only relays progress and Cancel. Stamps stay ordered: the worker's clock starts after a stamp
 * this tab's clock issues now, and this tab's clock observes the worker's last stamp afterwards.
 */
import type { ImportTarget } from '$lib/io/csv/fields';
import type { DuplicateStrategy } from '$lib/io/import/plan';
import { customersChanged } from '../changes';
import type { CommitMessage, CommitRequest } from '../import-commit.worker';
import { getSession } from '../session';
import { dbStatus } from '../status.svelte';
import type { CommitResult } from './import-apply';

export interface WorkerCommitOptions {
	target: ImportTarget;
	strategy: DuplicateStrategy;
	/** Lines of an interaction or order file to skip as duplicates (none in a customer file). */
	duplicates: Iterable<number>;
	/** Cancel: the worker aborts its transaction and nothing of the import is written. */
	signal?: AbortSignal;
	/** Called after each batch with the number of batches applied. */
	onProgress?: (batches: number) => void;
}

export async function commitImportInWorker(
	importId: string,
	options: WorkerCommitOptions
): Promise<CommitResult> {
	const session = await getSession();
	const request: CommitRequest = {
		kind: 'commit',
		importId,
		target: options.target,
		strategy: options.strategy,
		duplicates: [...options.duplicates],
		now: Date.now(),
		after: session.clock.tick(),
		device: session.deviceId,
		by: session.member.id
	};
	const worker = new Worker(new URL('../import-commit.worker.ts', import.meta.url), {
		type: 'module'
	});
	const cancel = () => worker.postMessage({ kind: 'cancel' });
	options.signal?.addEventListener('abort', cancel);
	try {
		const result = await new Promise<CommitResult>((ok, fail) => {
			worker.onmessage = (e: MessageEvent<CommitMessage>) => {
				const m = e.data;
				if (m.kind === 'progress') options.onProgress?.(m.batches);
				else if (m.kind === 'done') {
					session.clock.observe(m.last);
					ok(m.result);
				} else {
					dbStatus.reportCode(m.code);
					fail(Object.assign(new Error(m.message), { name: m.name }));
				}
			};
			worker.onerror = () =>
				fail(Object.assign(new Error('import worker failed'), { name: 'import_crashed' }));
			worker.postMessage(request);
			if (options.signal?.aborted) cancel();
		});
		customersChanged('all');
		return result;
	} finally {
		options.signal?.removeEventListener('abort', cancel);
		worker.terminate();
	}
}
