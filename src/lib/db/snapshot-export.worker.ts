/**
 * The snapshot export worker: reads the records of an export from its own connection and
 * serializes, gzips, hashes and (with a passphrase) encrypts them off the page's thread
 * (snapshot-export-handler.ts). The page pulls the file's bytes chunk by chunk
 * (repos/snapshot-export-app.ts); terminating the worker is the last word of every export.
 */
import { exportHandler, type ExportCommand, type ExportMessage } from './snapshot-export-handler';
import { openDatabase } from './schema';

const scope = self as unknown as {
	postMessage(message: ExportMessage, transfer?: Transferable[]): void;
	onmessage: ((e: MessageEvent<ExportCommand>) => void) | null;
};

const handle = exportHandler(
	() => openDatabase(),
	(message, transfer) => scope.postMessage(message, transfer ?? [])
);

scope.onmessage = (e) => handle(e.data);
