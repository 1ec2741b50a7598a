/**
 * Runs the whole-file check in the import check worker, which also stages the accepted rows
 * (src/lib/db/import-check.worker.ts), and reports its events: each staged batch and progress as
 * they come, then how it ended (the summary, or an error code). Terminating the worker is the
 * cancel.
 */
import type { ImportSummary } from '$lib/io/csv/codec';
import type { CheckMessage, CheckRequest, StagedBatch } from '$lib/db/import-check.worker';
import { dbStatus } from '$lib/db/status.svelte';

export interface CheckEvents {
	staged(batch: StagedBatch): void;
	progress(rows: number, bytesRead: number, totalBytes: number | null): void;
}

export type CheckEnd = { summary: ImportSummary; error: null } | { summary: null; error: string };

export function startWorkerCheck(
	request: CheckRequest,
	on: CheckEvents
): { ended: Promise<CheckEnd>; terminate(): void } {
	const worker = new Worker(new URL('../../db/import-check.worker.ts', import.meta.url), {
		type: 'module'
	});
	const ended = new Promise<CheckEnd>((end) => {
		const fail = (error: string) => end({ summary: null, error });
		worker.onmessage = (e: MessageEvent<CheckMessage>) => {
			const ev = e.data;
			if (ev.kind === 'staged') on.staged(ev);
			else if (ev.kind === 'progress') on.progress(ev.rows, ev.bytesRead, ev.totalBytes);
			else if (ev.kind === 'done') end({ summary: ev.summary, error: null });
			else if (ev.kind === 'refused' || ev.kind === 'failed' || ev.kind === 'ambiguous')
				fail(ev.code);
			else if (ev.kind === 'stage_failed') {
				dbStatus.reportCode(ev.code);
				fail(ev.name);
			} else if (ev.kind === 'crashed') fail('import_crashed');
		};
		worker.onerror = () => fail('import_crashed');
		worker.postMessage(request);
	}).finally(() => worker.terminate());
	return { ended, terminate: () => worker.terminate() };
}
