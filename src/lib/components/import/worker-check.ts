/**
 * Runs the whole-file check in the import Web Worker and reports its events: batches of checked
 * rows and progress as they come, then how it ended (the summary, or an error code). Terminating
 * the worker is the cancel.
 */
import type { ImportedRow, ImportSummary } from '$lib/io/csv/codec';
import type { WorkerMessage, WorkerRequest } from '$lib/io/csv/import.worker';

export interface CheckEvents {
	batch(rows: ImportedRow<unknown>[]): void;
	progress(rows: number, bytesRead: number, totalBytes: number | null): void;
}

export type CheckEnd = { summary: ImportSummary; error: null } | { summary: null; error: string };

export function startWorkerCheck(
	request: WorkerRequest,
	on: CheckEvents
): { ended: Promise<CheckEnd>; terminate(): void } {
	const worker = new Worker(new URL('../../io/csv/import.worker.ts', import.meta.url), {
		type: 'module'
	});
	const ended = new Promise<CheckEnd>((end) => {
		const fail = (error: string) => end({ summary: null, error });
		worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
			const ev = e.data;
			if (ev.kind === 'batch') on.batch(ev.rows);
			else if (ev.kind === 'progress') on.progress(ev.rows, ev.bytesRead, ev.totalBytes);
			else if (ev.kind === 'done') end({ summary: ev.summary, error: null });
			else if (ev.kind === 'refused' || ev.kind === 'failed' || ev.kind === 'ambiguous')
				fail(ev.code);
			else if (ev.kind === 'crashed') fail('import_crashed');
		};
		worker.onerror = () => fail('import_crashed');
		worker.postMessage(request);
	}).finally(() => worker.terminate());
	return { ended, terminate: () => worker.terminate() };
}
