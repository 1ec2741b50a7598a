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

export type WorkerMessage = ImportEvent<ImportTarget> | { kind: 'crashed'; message: string };

const scope = self as unknown as {
	postMessage(message: WorkerMessage): void;
	onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
};

scope.onmessage = (e) => {
	void (async () => {
		try {
			for await (const ev of importCsv(e.data.file, e.data.options)) scope.postMessage(ev);
		} catch (err) {
			scope.postMessage({
				kind: 'crashed',
				message: err instanceof Error ? err.message : String(err)
			});
		}
	})();
};
