/**
 * What the snapshot export worker does (snapshot-export.worker.ts), as a function of the messages
 * it receives, so a test can drive it without a worker. The worker opens its own connection and
 * runs the same encoder as the page would (`exportSnapshotWith`): the records are read, turned
 * into JSON, gzipped, hashed and sealed there, and never cross to the page; only the file's bytes
 * do, one chunk per `pull`, moved rather than copied.
 */
import type { Member } from '$lib/domain/member/member';
import type { SnapshotErrorCode } from '$lib/io/snapshot/errors';
import { isSnapshotError } from '$lib/io/snapshot/errors';
import { HybridClock } from '$lib/sync/hlc';
import type { RapportDB } from './schema';
import { exportSnapshotWith, type ExportOptions } from './repos/snapshot-export';
import type { ExportScope } from './repos/snapshot-source';

export interface ExportRequest {
	kind: 'export';
	scope: ExportScope;
	/** Who writes the file: this device and its member, as the page's session has them. */
	deviceId: string;
	member: Member;
	opts: Pick<ExportOptions, 'mask' | 'passphrase' | 'testOnly'> & { now: number };
}

/** `pull` asks for the next chunk; `cancel` stops the read (nothing is written, so nothing to undo). */
export type ExportCommand = ExportRequest | { kind: 'pull' } | { kind: 'cancel' };

export type ExportMessage =
	| { kind: 'read'; read: number }
	| { kind: 'chunk'; bytes: Uint8Array }
	| { kind: 'end' }
	| {
			kind: 'failed';
			name: string;
			message: string;
			/** Set when the encoder refused (SnapshotError), so the page can say why. */
			code: SnapshotErrorCode | null;
			detail?: string;
	  };

export type Post = (message: ExportMessage, transfer?: Transferable[]) => void;

/** A chunk that owns its whole buffer can be moved to the page; a view into a larger one is copied. */
function movable(bytes: Uint8Array): Uint8Array {
	return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
		? bytes
		: bytes.slice();
}

function failure(e: unknown): ExportMessage {
	return {
		kind: 'failed',
		name: e instanceof Error ? e.name : 'export_crashed',
		message: e instanceof Error ? e.message : String(e),
		code: isSnapshotError(e) ? e.code : null,
		...(isSnapshotError(e) && e.detail !== undefined ? { detail: e.detail } : {})
	};
}

/**
 * A handler for one export: `export` starts it (the encoder begins reading at once, before the
 * first pull), each `pull` is answered with the next chunk, `end` or `failed`. The next chunk is
 * asked of the encoder as soon as one is sent, so the page's pull finds it ready.
 */
export function exportHandler(open: () => RapportDB, post: Post): (cmd: ExportCommand) => void {
	const abort = new AbortController();
	let db: RapportDB | null = null;
	let chunks: AsyncGenerator<Uint8Array> | null = null;
	let ahead: Promise<IteratorResult<Uint8Array>> | null = null;
	let finished = false;

	const close = () => {
		finished = true;
		db?.close();
		db = null;
	};
	const next = () => {
		const p = chunks!.next();
		// Handled where it is awaited; this keeps a failure read ahead from being reported unhandled.
		p.catch(() => undefined);
		return p;
	};

	async function pull(): Promise<void> {
		if (finished || !ahead) return;
		try {
			const r = await ahead;
			if (r.done) {
				close();
				post({ kind: 'end' });
				return;
			}
			ahead = next();
			const bytes = movable(r.value);
			post({ kind: 'chunk', bytes }, [bytes.buffer]);
		} catch (e) {
			close();
			post(failure(e));
		}
	}

	function start(req: ExportRequest): void {
		db = open();
		const session = {
			deviceId: req.deviceId,
			member: req.member,
			// An export stamps nothing; the context's type wants a clock all the same.
			clock: new HybridClock(req.deviceId, Date.now)
		};
		const { mask, passphrase, testOnly, now } = req.opts;
		chunks = exportSnapshotWith({ db, session }, req.scope, {
			now,
			...(mask ? { mask } : {}),
			...(passphrase !== undefined ? { passphrase } : {}),
			...(testOnly ? { testOnly } : {}),
			watch: { signal: abort.signal, onRead: (read) => post({ kind: 'read', read }) }
		});
		ahead = next();
	}

	return (cmd) => {
		if (cmd.kind === 'export') start(cmd);
		else if (cmd.kind === 'pull') void pull();
		else abort.abort(new DOMException('export cancelled', 'AbortError'));
	};
}
