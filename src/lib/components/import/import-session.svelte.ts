import { customerStore } from '$lib/db/customer-store.svelte';
import {
	cancelImport,
	commitImport,
	importLockName,
	stageOps,
	startImport,
	type ImportOp
} from '$lib/db/repos/imports';
import type { ImportedRow, ImportSummary } from '$lib/io/csv/codec';
import type { CsvEncoding } from '$lib/io/csv/decode';
import type { Delimiter } from '$lib/io/csv/delimiter';

import type { WorkerMessage, WorkerRequest } from '$lib/io/csv/import.worker';
import type { CustomerImportDraft } from '$lib/io/csv/normalize';
import { previewCsv, type PreviewResult } from '$lib/io/csv/preview';
import { SNIFF_BYTES } from '$lib/io/csv/sniff';
import {
	countPlan,
	planRows,
	type DuplicateStrategy,
	type StagedCustomerRow
} from '$lib/io/import/plan';
import { busy } from '$lib/pwa/busy.svelte';

export type Phase = 'idle' | 'preview' | 'checking' | 'checked' | 'committing' | 'done' | 'failed';

export interface RejectedRow {
	line: number;
	codes: string[];
	cells: string[];
}

export interface Progress {
	rows: number;
	done: number;
	total: number;
	startedAt: number;
}

/**
 * One customer import, step by step: preview (first 64 KiB, on the main thread), check (the whole
 * file in the worker; accepted rows staged invisibly), commit (one transaction) or cancel.
 * Components render its state and call its methods; nothing here builds queries.
 */
export class ImportSession {
	phase = $state<Phase>('idle');
	file = $state.raw<File | null>(null);
	preview = $state.raw<PreviewResult | null>(null);
	encoding = $state<CsvEncoding | undefined>(undefined);
	delimiter = $state<Delimiter | undefined>(undefined);
	mapping = $state<(string | null)[]>([]);
	strategy = $state<DuplicateStrategy>('skip');
	summary = $state.raw<ImportSummary | null>(null);
	rejected = $state.raw<RejectedRow[]>([]);
	progress = $state.raw<Progress | null>(null);
	error = $state<string | null>(null);
	result = $state.raw<{ created: number; updated: number } | null>(null);
	#staged: Pick<StagedCustomerRow, 'line' | 'duplicateOf' | 'duplicateOfLine'>[] = $state.raw([]);
	#importId: string | null = null;
	#worker: Worker | null = null;
	#abort: AbortController | null = null;
	#release: (() => void) | null = null;
	#ownerIds: Map<string, string>;
	#meId: string;

	constructor(owners: readonly { id: string; name: string }[], meId: string) {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- local, never read reactively
		this.#ownerIds = new Map(owners.map((o) => [o.name.trim().toLowerCase(), o.id]));
		this.#meId = meId;
	}

	/** Counts for the chosen strategy, before anything is written. */
	readonly counts = $derived({
		...countPlan(this.#staged, this.strategy),
		rejected: this.rejected.length
	});

	async choose(file: File): Promise<void> {
		await this.reset();
		this.file = file;
		this.encoding = undefined;
		this.delimiter = undefined;
		await this.refreshPreview(true);
	}

	/** Re-reads the first rows, e.g. after the person picked another encoding or delimiter. */
	async refreshPreview(suggest = false): Promise<void> {
		const file = this.file;
		if (!file) return;
		const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
		const p = await previewCsv(head, file.size <= SNIFF_BYTES, {
			encoding: this.encoding,
			delimiter: this.delimiter
		});
		this.preview = p;
		this.phase = 'preview';
		if (p.ok && (suggest || this.mapping.length !== p.headers.length)) {
			const { suggestMapping } = await import('$lib/io/csv/mapping');
			this.mapping = [...suggestMapping(p.headers, 'customer')];
		}
	}

	/** Reads the whole file in the worker and stages every accepted row (invisible until commit). */
	async check(): Promise<void> {
		const file = this.file;
		if (!file || !this.preview?.ok) return;
		this.#release ??= busy.begin('import');
		this.phase = 'checking';
		this.rejected = [];
		this.#staged = [];
		this.summary = null;
		this.error = null;
		this.progress = { rows: 0, done: 0, total: file.size, startedAt: performance.now() };
		const importId = await startImport({ fileName: file.name, target: 'customer', counts: {} });
		this.#importId = importId;
		this.#holdLock(importId);
		const existing = customerStore.rows.map((r) => ({
			id: r.id,
			kind: r.kind,
			name: r.name,
			company: r.company,
			phones: r.phones,
			emails: r.emails
		}));
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- local, never read reactively
		const worker = new Worker(new URL('../../io/csv/import.worker.ts', import.meta.url), {
			type: 'module'
		});
		this.#worker = worker;
		const request: WorkerRequest = {
			file,
			options: {
				target: 'customer',
				encoding: this.preview.encoding,
				delimiter: this.preview.delimiter,
				mapping: $state.snapshot(this.mapping),
				existing,
				// eslint-disable-next-line svelte/prefer-svelte-reactivity -- local, never read reactively
				utcOffsetMinutes: -new Date().getTimezoneOffset()
			}
		};
		let seq = 0;
		let writing: Promise<void> = Promise.resolve();
		const staged: Pick<StagedCustomerRow, 'line' | 'duplicateOf' | 'duplicateOfLine'>[] = [];
		const rejected: RejectedRow[] = [];
		await new Promise<void>((done) => {
			worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
				const ev = e.data;
				if (ev.kind === 'batch') {
					const rows = this.#stage(ev.rows as ImportedRow<CustomerImportDraft>[], rejected);
					for (const r of rows) staged.push(r);
					const n = seq++;
					// Once cancelled (no import id any more) nothing more is staged.
					writing = writing.then(() =>
						this.#importId === importId ? stageOps(importId, n, rows) : undefined
					);
				} else if (ev.kind === 'progress') {
					this.progress = {
						rows: ev.rows,
						done: ev.bytesRead,
						total: ev.totalBytes ?? file.size,
						startedAt: this.progress?.startedAt ?? performance.now()
					};
				} else if (ev.kind === 'done') {
					this.summary = ev.summary;
					done();
				} else if (ev.kind === 'refused' || ev.kind === 'failed' || ev.kind === 'ambiguous') {
					this.error = ev.code;
					done();
				} else if (ev.kind === 'crashed') {
					this.error = 'import_crashed';
					done();
				}
			};
			worker.onerror = () => {
				this.error = 'import_crashed';
				done();
			};
			worker.postMessage(request);
		});
		worker.terminate();
		this.#worker = null;
		try {
			await writing;
		} catch (e) {
			this.error = this.error ?? (e instanceof Error ? e.name : 'import_crashed');
		}
		if (this.error) {
			await this.#discard();
			this.phase = 'failed';
			return;
		}
		this.#staged = staged;
		this.rejected = rejected;
		this.phase = 'checked';
	}

	#stage(rows: ImportedRow<CustomerImportDraft>[], rejected: RejectedRow[]): StagedCustomerRow[] {
		const out: StagedCustomerRow[] = [];
		for (const r of rows) {
			if (!r.draft) {
				rejected.push({ line: r.line, codes: r.issues.map((i) => i.code), cells: r.cells ?? [] });
				continue;
			}
			const owner = r.draft.ownerName.trim().toLowerCase();
			out.push({
				line: r.line,
				newId: crypto.randomUUID(),
				contactId: crypto.randomUUID(),
				draft: r.draft,
				ownerId: (owner && this.#ownerIds.get(owner)) || this.#meId,
				duplicateOf: r.duplicates[0]?.id ?? null,
				duplicateOfLine: r.duplicateOfLines[0]?.line ?? null
			});
		}
		return out;
	}

	/** Writes the checked file in one transaction, with progress; Cancel rolls it all back. */
	async commit(): Promise<void> {
		const importId = this.#importId;
		if (!importId || this.phase !== 'checked') return;
		this.phase = 'committing';
		const batches = Math.max(1, Math.ceil(this.#staged.length / 2000));
		this.progress = {
			rows: this.#staged.length,
			done: 0,
			total: batches,
			startedAt: performance.now()
		};
		const abort = new AbortController();
		this.#abort = abort;
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- local, never read reactively
		const earlier = new Map<number, string>();
		const strategy = this.strategy;
		const now = Date.now();
		try {
			this.result = await commitImport(importId, {
				plan: (records) =>
					planRows(records as StagedCustomerRow[], strategy, earlier, now).ops as ImportOp[],
				signal: abort.signal,
				onProgress: (done) => {
					if (this.progress) this.progress = { ...this.progress, done };
				}
			});
			this.phase = 'done';
			this.#importId = null;
		} catch (e) {
			const cancelled = e instanceof DOMException && e.name === 'AbortError';
			await this.#discard();
			this.error = cancelled ? 'import_cancelled' : e instanceof Error ? e.name : 'import_crashed';
			this.phase = 'failed';
		} finally {
			this.#abort = null;
			this.#settle();
		}
	}

	/** Cancel while checking or committing: nothing of this import stays. */
	async cancel(): Promise<void> {
		if (this.phase === 'committing') {
			this.#abort?.abort();
			return;
		}
		this.#worker?.terminate();
		this.#worker = null;
		await this.#discard();
		this.error = 'import_cancelled';
		this.phase = 'failed';
	}

	async reset(): Promise<void> {
		this.#worker?.terminate();
		this.#worker = null;
		await this.#discard();
		this.phase = 'idle';
		this.file = null;
		this.preview = null;
		this.summary = null;
		this.rejected = [];
		this.#staged = [];
		this.progress = null;
		this.error = null;
		this.result = null;
	}

	async #discard(): Promise<void> {
		const id = this.#importId;
		this.#importId = null;
		this.#settle();
		if (id) await cancelImport(id).catch(() => undefined);
	}

	#settle(): void {
		this.#release?.();
		this.#release = null;
		this.#unlock?.();
		this.#unlock = null;
	}

	#unlock: (() => void) | null = null;

	/** Holds a Web Lock until the import ends, so other tabs do not clear it as abandoned. */
	#holdLock(importId: string): void {
		if (!navigator.locks) return;
		void navigator.locks.request(
			importLockName(importId),
			() => new Promise<void>((release) => (this.#unlock = release))
		);
	}
}
