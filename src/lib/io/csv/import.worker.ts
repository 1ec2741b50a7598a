/**
 * The import worker: reads and checks a whole file off the main thread with `importCsv` and
 * posts each event back. The main thread stages the accepted rows; terminating the worker
 * cancels the read.
 */
import { importCsv, type ImportEvent, type ImportOptions } from './codec';
import type { ImportTarget } from './fields';

export interface WorkerRequest {
	file: Blob;
	options: ImportOptions<ImportTarget>;
}

/**
 * Rows per batch. Each batch is staged, and later committed, as one piece of main-thread work
 * (search keys with pinyin, stamps, IndexedDB's structured clone): 250 rows keep that piece well
 * under the 50 ms a long task takes, and the commit's progress moves with every batch
 * (bench/RESULTS.md, import suite). The codec's default of 2,000 made 100-300 ms tasks.
 */
const BATCH_ROWS = 250;

export type WorkerMessage = ImportEvent<ImportTarget> | { kind: 'crashed'; message: string };

const scope = self as unknown as {
	postMessage(message: WorkerMessage): void;
	onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
};

scope.onmessage = (e) => {
	void (async () => {
		try {
			const options = { batchSize: BATCH_ROWS, ...e.data.options };
			for await (const ev of importCsv(e.data.file, options)) scope.postMessage(ev);
		} catch (err) {
			scope.postMessage({
				kind: 'crashed',
				message: err instanceof Error ? err.message : String(err)
			});
		}
	})();
};
