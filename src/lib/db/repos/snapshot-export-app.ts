/**
 * The app's export: this device's database and member, encoded in the snapshot export worker
 * (../snapshot-export.worker.ts) so that reading, JSON, gzip, hashing and encryption never hold
 * the page's thread. The page receives the file's bytes one chunk at a time, as it asks for them,
 * so a slow consumer (a file handle) never lets chunks pile up. Where there are no workers (Node
 * tests) the same encoder runs here.
 */
import { SnapshotError } from '$lib/io/snapshot/errors';
import type { ExportMessage, ExportRequest } from '../snapshot-export-handler';
import { getSession } from '../session';
import { appContext } from './snapshot-context';
import { exportSnapshotWith, type ExportOptions } from './snapshot-export';
import { scopeSize, type ExportScope } from './snapshot-source';

/** The error the encoder threw in the worker, as the page's code expects to meet it. */
function errorOf(m: Extract<ExportMessage, { kind: 'failed' }>): Error {
	if (m.code) return new SnapshotError(m.code, m.detail);
	return Object.assign(new Error(m.message), { name: m.name });
}

type Answer = Exclude<ExportMessage, { kind: 'read' }> | { kind: 'aborted' };

async function* inWorker(scope: ExportScope, opts: ExportOptions): AsyncGenerator<Uint8Array> {
	const session = await getSession();
	const signal = opts.watch?.signal;
	signal?.throwIfAborted();
	const request: ExportRequest = {
		kind: 'export',
		scope,
		deviceId: session.deviceId,
		member: session.member,
		opts: {
			now: opts.now ?? Date.now(),
			...(opts.mask ? { mask: opts.mask } : {}),
			...(opts.passphrase !== undefined ? { passphrase: opts.passphrase } : {}),
			...(opts.testOnly ? { testOnly: opts.testOnly } : {})
		}
	};
	const worker = new Worker(new URL('../snapshot-export.worker.ts', import.meta.url), {
		type: 'module'
	});
	// At most one answer is awaited at a time: the next pull is sent once a chunk is taken.
	let answered: ((a: Answer) => void) | null = null;
	let early: Answer | null = null;
	const answer = (a: Answer) => {
		const waiting = answered;
		answered = null;
		if (waiting) waiting(a);
		else early ??= a;
	};
	worker.onmessage = (e: MessageEvent<ExportMessage>) => {
		const m = e.data;
		if (m.kind === 'read') opts.watch?.onRead?.(m.read);
		else answer(m);
	};
	worker.onerror = (e) =>
		answer({
			kind: 'failed',
			name: 'export_crashed',
			message: e.message || 'export worker failed',
			code: null
		});
	// Cancel: the reading stops at once (the worker is ended below), and nothing was written.
	const onAbort = () => answer({ kind: 'aborted' });
	signal?.addEventListener('abort', onAbort);
	try {
		worker.postMessage(request);
		for (;;) {
			const a =
				early ??
				(await new Promise<Answer>((ok) => {
					answered = ok;
					worker.postMessage({ kind: 'pull' });
				}));
			early = null;
			if (a.kind === 'aborted') throw signal?.reason;
			if (a.kind === 'failed') throw errorOf(a);
			if (a.kind === 'end') return;
			yield a.bytes;
		}
	} finally {
		signal?.removeEventListener('abort', onAbort);
		worker.terminate();
	}
}

/** The app's export (this device's database and member), as a byte stream. */
export async function exportSnapshot(
	scope: ExportScope,
	opts: ExportOptions = {}
): Promise<AsyncGenerator<Uint8Array>> {
	if (typeof Worker !== 'undefined') return inWorker(scope, opts);
	return exportSnapshotWith(await appContext(), scope, opts);
}

/** How many entries the export of a scope reads, when known beforehand (see scopeSize). */
export async function exportSize(scope: ExportScope): Promise<number | null> {
	return scopeSize(await appContext(), scope);
}

export async function exportSnapshotBlob(scope: ExportScope, opts: ExportOptions = {}) {
	const parts: Uint8Array[] = [];
	for await (const c of await exportSnapshot(scope, opts)) parts.push(c);
	return new Blob(parts as BlobPart[], { type: 'application/octet-stream' });
}
