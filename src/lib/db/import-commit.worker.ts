/**
 * The import commit worker: applies a checked import's staged batches in one transaction of its
 * own connection, so that the commit's IndexedDB writes (structured clone, index keys), search
 * keys (pinyin) and stamps never block the page. The page posts the request and may post
 * `cancel`; the worker answers with progress per batch, then done (with its last stamp, which the
 * page's clock observes) or failed.
 */
import type { ImportTarget } from '$lib/io/csv/fields';
import type { DuplicateStrategy } from '$lib/io/import/plan';
import { importPlanner } from '$lib/io/import/planner';
import { HybridClock } from '$lib/sync/hlc';
import { toDbErrorCode, type DbErrorCode } from './errors';
import { newId } from './ids';
import { applyImport, type CommitResult } from './repos/import-apply';
import { openDatabase } from './schema';

export interface CommitRequest {
	kind: 'commit';
	importId: string;
	target: ImportTarget;
	strategy: DuplicateStrategy;
	/** Activity files: the lines found to repeat a stored record or an earlier line. */
	duplicates: number[];
	/** The import time (a created customer's createdAt). */
	now: number;
	/** A stamp the page's clock just issued: every stamp of the commit comes after it. */
	after: string;
	device: string;
	/** The member the records are stamped by. */
	by: string;
}

export type CommitCommand = CommitRequest | { kind: 'cancel' };

export type CommitMessage =
	| { kind: 'progress'; batches: number }
	| { kind: 'done'; result: CommitResult; last: string }
	| { kind: 'failed'; name: string; message: string; code: DbErrorCode };

const scope = self as unknown as {
	postMessage(message: CommitMessage): void;
	onmessage: ((e: MessageEvent<CommitCommand>) => void) | null;
};

const abort = new AbortController();

async function commit(req: CommitRequest): Promise<void> {
	const d = openDatabase();
	const clock = new HybridClock(req.device, Date.now, req.after);
	let last = req.after;
	try {
		const result = await applyImport(d, req.importId, {
			plan: importPlanner(req.target, req.strategy, new Set(req.duplicates), req.now, newId),
			stamp: () => ({ hlc: (last = clock.tick()), by: req.by }),
			signal: abort.signal,
			onProgress: (batches) => scope.postMessage({ kind: 'progress', batches })
		});
		scope.postMessage({ kind: 'done', result, last });
	} catch (e) {
		scope.postMessage({
			kind: 'failed',
			name: e instanceof Error ? e.name : 'import_crashed',
			message: e instanceof Error ? e.message : String(e),
			code: toDbErrorCode(e)
		});
	} finally {
		d.close();
	}
}

scope.onmessage = (e) => {
	if (e.data.kind === 'cancel') abort.abort();
	else void commit(e.data);
};
