import { customerStore } from '$lib/db/customer-store.svelte';
import { storedActivityKeys } from '$lib/db/repos/activity-reads';
import {
	findMappingTemplate,
	saveMappingTemplate,
	type MappingTemplate
} from '$lib/db/repos/import-templates';
import { commitImportInWorker } from '$lib/db/repos/import-commit';
import { cancelImport, importLockName, startImport } from '$lib/db/repos/imports';
import type { CheckRequest } from '$lib/db/import-check.worker';
import type { ImportSummary } from '$lib/io/csv/codec';
import type { CsvEncoding } from '$lib/io/csv/decode';
import type { Delimiter } from '$lib/io/csv/delimiter';
import type { ImportTarget } from '$lib/io/csv/fields';
import { previewCsv, type PreviewResult } from '$lib/io/csv/preview';
import { SNIFF_BYTES } from '$lib/io/csv/sniff';
import { countActivity, duplicateLines } from '$lib/io/import/activity-plan';
import { countTotals, type DuplicateStrategy } from '$lib/io/import/plan';
import type { ActivityLine, RejectedRow } from '$lib/io/import/stager';
import type { FieldChanges, UpdateMode } from '$lib/io/import/stored-changes';
import { busy } from '$lib/pwa/busy.svelte';
import { localOffset } from '$lib/components/ui/local-offset';
import { startWorkerCheck } from './worker-check';

export type { RejectedRow } from '$lib/io/import/stager';
export type Phase = 'idle' | 'preview' | 'checking' | 'checked' | 'committing' | 'done' | 'failed';

/** Checking: bytes read of the file; committing: rows written of the rows to write. */
export interface Progress {
	rows: number;
	done: number;
	total: number;
	startedAt: number;
}

/**
 * One import, step by step: preview (first 64 KiB, on the main thread), check (the whole file in
 * the worker; accepted rows staged invisibly), commit (one transaction) or cancel. The file holds
 * customers, or interactions or orders linked to stored customers. Components render its state
 * and call its methods; nothing here builds queries.
 */
export class ImportSession {
	phase = $state<Phase>('idle');
	target = $state<ImportTarget>('customer');
	file = $state.raw<File | null>(null);
	preview = $state.raw<PreviewResult | null>(null);
	encoding = $state<CsvEncoding | undefined>(undefined);
	delimiter = $state<Delimiter | undefined>(undefined);
	mapping = $state<(string | null)[]>([]);
	/** A saved mapping for these very columns, offered to the person. */
	template = $state.raw<MappingTemplate | null>(null);
	templateSaved = $state(false);
	strategy = $state<DuplicateStrategy>('skip');
	summary = $state.raw<ImportSummary | null>(null);
	rejected = $state.raw<RejectedRow[]>([]);
	progress = $state.raw<Progress | null>(null);
	error = $state<string | null>(null);
	result = $state.raw<{ created: number; updated: number } | null>(null);
	/** Customer files: staged rows, and how many of them are duplicates (all the counts need). */
	#customerTotals = $state.raw({ rows: 0, duplicates: 0 });
	/** Customer files: per field, the stored values a fill or an overwrite changes. */
	#changes = $state.raw<Record<UpdateMode, FieldChanges> | null>(null);
	#activities: ActivityLine[] = $state.raw([]);
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole, never mutated
	#duplicates: ReadonlySet<number> = $state.raw(new Set());
	/** Rows staged per batch (seq), for the commit's progress in rows. */
	#batchRows: number[] = [];
	#importId: string | null = null;
	/** Counts the previews asked for, so that only the latest one is shown. */
	#previewAsked = 0;
	#stopCheck: (() => void) | null = null;
	#abort: AbortController | null = null;
	#release: (() => void) | null = null;
	#unlock: (() => void) | null = null;
	#ownerIds: Map<string, string>;
	#meId: string;

	constructor(owners: readonly { id: string; name: string }[], meId: string) {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- local, never read reactively
		this.#ownerIds = new Map(owners.map((o) => [o.name.trim().toLowerCase(), o.id]));
		this.#meId = meId;
	}

	/** Counts for the chosen strategy, before anything is written. */
	readonly counts = $derived({
		...(this.target === 'customer'
			? countTotals(this.#customerTotals.rows, this.#customerTotals.duplicates, this.strategy)
			: countActivity(this.#activities, this.strategy, this.#duplicates)),
		rejected: this.rejected.length
	});

	/** What the chosen strategy does to stored customers, per field (none for skip and create). */
	readonly storedChanges = $derived(
		this.strategy === 'fill' || this.strategy === 'overwrite'
			? (this.#changes?.[this.strategy] ?? null)
			: null
	);

	async choose(file: File): Promise<void> {
		await this.reset();
		this.file = file;
		this.encoding = undefined;
		this.delimiter = undefined;
		await this.refreshPreview(true);
	}

	/** What the file holds: the mapping is suggested again for that kind of record. */
	async setTarget(target: ImportTarget): Promise<void> {
		if (target === this.target) return;
		this.target = target;
		if (target !== 'customer' && this.strategy !== 'create') this.strategy = 'skip';
		if (this.phase !== 'idle') await this.refreshPreview(true);
	}

	/**
	 * Re-reads the first rows, e.g. after the person picked another encoding or delimiter. The
	 * preview, its suggested mapping and any saved template are published together, once all are
	 * known: were the columns shown before their suggestion arrived, a column the person mapped at
	 * once would be overwritten by it. A preview overtaken by a newer one is dropped.
	 */
	async refreshPreview(suggest = false): Promise<void> {
		const file = this.file;
		if (!file) return;
		const asked = ++this.#previewAsked;
		if (this.phase === 'checked' || this.phase === 'failed') await this.#discard();
		const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
		const p = await previewCsv(head, file.size <= SNIFF_BYTES, {
			encoding: this.encoding,
			delimiter: this.delimiter
		});
		let suggested: { mapping: (string | null)[]; template: MappingTemplate | null } | null = null;
		if (p.ok && (suggest || this.mapping.length !== p.headers.length)) {
			const { headerSignature, suggestMapping } = await import('$lib/io/csv/mapping');
			suggested = {
				mapping: [...suggestMapping(p.headers, this.target)],
				template: await findMappingTemplate(this.target, headerSignature(p.headers))
			};
		}
		if (asked !== this.#previewAsked || this.file !== file) return;
		this.preview = p;
		this.phase = 'preview';
		this.error = null;
		if (suggested) {
			this.mapping = suggested.mapping;
			this.templateSaved = false;
			this.template = suggested.template;
		}
	}

	/** Uses the saved mapping for these columns (unknown fields of an older version are dropped). */
	async applyTemplate(): Promise<void> {
		const p = this.preview;
		if (!this.template || !p?.ok) return;
		const { sanitizeMapping } = await import('$lib/io/csv/mapping');
		this.mapping = [...sanitizeMapping(this.template.mapping, p.headers.length, this.target)];
	}

	/** Saves the current mapping, offered again for the next file with the same header row. */
	async saveTemplate(): Promise<void> {
		const p = this.preview;
		if (!p?.ok) return;
		const { headerSignature } = await import('$lib/io/csv/mapping');
		const mapping = $state.snapshot(this.mapping);
		await saveMappingTemplate(this.target, headerSignature(p.headers), mapping);
		this.template = { mapping, savedAt: Date.now() };
		this.templateSaved = true;
	}

	/** Reads the whole file in the worker and stages every accepted row (invisible until commit). */
	async check(): Promise<void> {
		const file = this.file;
		if (!file || !this.preview?.ok) return;
		const target = this.target;
		this.#release ??= busy.begin('import');
		this.phase = 'checking';
		this.rejected = [];
		this.#customerTotals = { rows: 0, duplicates: 0 };
		this.#changes = null;
		this.#activities = [];
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole, never mutated
		this.#duplicates = new Set();
		this.#batchRows = [];
		this.summary = null;
		this.error = null;
		this.progress = { rows: 0, done: 0, total: file.size, startedAt: performance.now() };
		const importId = await startImport({ fileName: file.name, target, counts: {} });
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
		const request: CheckRequest = {
			file,
			options: {
				target,
				encoding: this.preview.encoding,
				delimiter: this.preview.delimiter,
				mapping: $state.snapshot(this.mapping),
				existing,
				utcOffsetMinutes: localOffset()
			},
			importId,
			ownerIds: [...this.#ownerIds],
			meId: this.#meId
		};
		// Plain arrays while the worker runs; published once the check is over.
		const totals = { rows: 0, duplicates: 0 };
		let changes: Record<UpdateMode, FieldChanges> | null = null;
		const activities: ActivityLine[] = [];
		const rejected: RejectedRow[] = [];
		const check = startWorkerCheck(request, {
			staged: (batch) => {
				this.#batchRows[batch.seq] = batch.rows;
				totals.rows += batch.rows;
				totals.duplicates += batch.duplicates;
				changes = batch.changes ?? changes;
				for (const a of batch.activities) activities.push(a);
				for (const r of batch.rejected) rejected.push(r);
			},
			progress: (rows, bytesRead, totalBytes) => {
				this.progress = {
					rows,
					done: bytesRead,
					total: totalBytes ?? file.size,
					startedAt: this.progress?.startedAt ?? performance.now()
				};
			}
		});
		this.#stopCheck = check.terminate;
		const end = await check.ended;
		this.#stopCheck = null;
		this.summary = end.summary;
		this.error = end.error;
		try {
			if (target !== 'customer' && !this.error) {
				// eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole, never mutated
				const ids = [...new Set(activities.map((a) => a.customerId))];
				const stored = await storedActivityKeys(target, ids);
				this.#duplicates = duplicateLines(activities, stored);
			}
		} catch (e) {
			this.error = this.error ?? (e instanceof Error ? e.name : 'import_crashed');
		}
		if (this.#importId !== importId) return; // cancelled meanwhile
		if (this.error) {
			await this.#discard();
			this.phase = 'failed';
			return;
		}
		this.#customerTotals = totals;
		this.#changes = changes;
		this.#activities = activities;
		this.rejected = rejected;
		this.phase = 'checked';
	}

	/** Writes the checked file in one transaction, in a worker, with progress; Cancel undoes it all. */
	async commit(): Promise<void> {
		const importId = this.#importId;
		if (!importId || this.phase !== 'checked') return;
		this.phase = 'committing';
		const total = this.#batchRows.reduce((a, b) => a + b, 0);
		this.progress = { rows: total, done: 0, total, startedAt: performance.now() };
		const abort = new AbortController();
		this.#abort = abort;
		const sizes = this.#batchRows;
		let applied = 0;
		let done = 0;
		try {
			// In a worker: the page stays responsive and only shows the progress.
			this.result = await commitImportInWorker(importId, {
				target: this.target,
				strategy: this.strategy,
				duplicates: this.#duplicates,
				signal: abort.signal,
				onProgress: (batches) => {
					while (applied < batches) done += sizes[applied++] ?? 0;
					if (this.progress) this.progress = { ...this.progress, done };
				}
			});
			this.phase = 'done';
			this.#importId = null;
		} catch (e) {
			// Dexie re-wraps the abort thrown inside the transaction: trust the signal, not the error.
			const cancelled = abort.signal.aborted;
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
		this.#stopCheck?.();
		this.#stopCheck = null;
		await this.#discard();
		this.error = 'import_cancelled';
		this.phase = 'failed';
	}

	async reset(): Promise<void> {
		this.#stopCheck?.();
		this.#stopCheck = null;
		await this.#discard();
		this.phase = 'idle';
		this.file = null;
		this.preview = null;
		this.summary = null;
		this.rejected = [];
		this.#customerTotals = { rows: 0, duplicates: 0 };
		this.#changes = null;
		this.#activities = [];
		this.progress = null;
		this.error = null;
		this.result = null;
		this.template = null;
		this.templateSaved = false;
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

	/** Holds a Web Lock until the import ends, so other tabs do not clear it as abandoned. */
	#holdLock(importId: string): void {
		if (!navigator.locks) return;
		void navigator.locks.request(
			importLockName(importId),
			() => new Promise<void>((release) => (this.#unlock = release))
		);
	}
}
