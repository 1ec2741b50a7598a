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
import type { CsvEncoding } from '$lib/io/csv/decode';
import type { Delimiter } from '$lib/io/csv/delimiter';
import type { ImportTarget } from '$lib/io/csv/fields';
import { previewCsv, type PreviewResult } from '$lib/io/csv/preview';
import { SNIFF_BYTES } from '$lib/io/csv/sniff';
import { duplicateLines } from '$lib/io/import/activity-plan';
import type { DuplicateStrategy } from '$lib/io/import/plan';
import type { ActivityLine, RejectedRow } from '$lib/io/import/stager';
import type { FieldChanges, UpdateMode } from '$lib/io/import/stored-changes';
import { busy } from '$lib/pwa/busy.svelte';
import { localOffset } from '$lib/components/ui/local-offset';
import type { ImportStep, ReadablePreview, TemplateOffer } from './import-step';
import { startWorkerCheck } from './worker-check';

export type { RejectedRow } from '$lib/io/import/stager';
export type { ImportStep } from './import-step';

/**
 * One import, step by step: preview (first 64 KiB, on the main thread), check (the whole file in
 * the worker; accepted rows staged invisibly), commit (one transaction) or cancel. The file holds
 * customers, or interactions or orders linked to stored customers. Where it stands is one
 * `ImportStep`; beside it are the person's choices, which hold in every step. Components render
 * them and call its methods; nothing here builds queries.
 */
export class ImportSession {
	state = $state.raw<ImportStep>({ step: 'idle' });
	target = $state<ImportTarget>('customer');
	encoding = $state<CsvEncoding | undefined>(undefined);
	delimiter = $state<Delimiter | undefined>(undefined);
	mapping = $state<(string | null)[]>([]);
	offer = $state.raw<TemplateOffer>({ kind: 'none' });
	strategy = $state<DuplicateStrategy>('skip');
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

	/** The file chosen, in every step after idle. */
	get file(): File | null {
		return this.state.step === 'idle' ? null : this.state.file;
	}

	/** The preview shown, in every step from the first rows read on. */
	get preview(): PreviewResult | null {
		const s = this.state;
		return s.step === 'idle' || s.step === 'opening' ? null : s.preview;
	}

	/** The file and its preview, when its columns could be read: what a check starts from. */
	#readable(): { file: File; preview: ReadablePreview } | null {
		const file = this.file;
		const preview = this.preview;
		return file && preview?.ok ? { file, preview } : null;
	}

	async choose(file: File): Promise<void> {
		await this.reset();
		this.state = { step: 'opening', file };
		this.encoding = undefined;
		this.delimiter = undefined;
		await this.refreshPreview(true);
	}

	/** What the file holds: the mapping is suggested again for that kind of record. */
	async setTarget(target: ImportTarget): Promise<void> {
		if (target === this.target) return;
		this.target = target;
		if (target !== 'customer' && this.strategy !== 'create') this.strategy = 'skip';
		const step = this.state.step;
		if (step !== 'idle' && step !== 'opening') await this.refreshPreview(true);
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
		if (this.state.step === 'checked' || this.state.step === 'failed') await this.#discard();
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
		this.state = { step: 'preview', file, preview: p };
		if (suggested) {
			this.mapping = suggested.mapping;
			this.offer = suggested.template
				? { kind: 'found', template: suggested.template }
				: { kind: 'none' };
		}
	}

	/** Uses the saved mapping for these columns (unknown fields of an older version are dropped). */
	async applyTemplate(): Promise<void> {
		const p = this.preview;
		if (this.offer.kind !== 'found' || !p?.ok) return;
		const { mapping } = this.offer.template;
		const { sanitizeMapping } = await import('$lib/io/csv/mapping');
		this.mapping = [...sanitizeMapping(mapping, p.headers.length, this.target)];
	}

	/** Saves the current mapping, offered again for the next file with the same header row. */
	async saveTemplate(): Promise<void> {
		const p = this.preview;
		if (!p?.ok) return;
		const { headerSignature } = await import('$lib/io/csv/mapping');
		const mapping = $state.snapshot(this.mapping);
		await saveMappingTemplate(this.target, headerSignature(p.headers), mapping);
		this.offer = { kind: 'saved' };
	}

	/** Reads the whole file in the worker and stages every accepted row (invisible until commit). */
	async check(): Promise<void> {
		const readable = this.#readable();
		if (!readable) return;
		const { file, preview } = readable;
		const target = this.target;
		// A file checked again (another mapping, say) replaces its staged import: nothing of the
		// earlier check may stay behind, invisible, until the next start clears it.
		if (this.#importId) await this.#discard();
		this.#release ??= busy.begin('import');
		const startedAt = performance.now();
		this.state = {
			step: 'checking',
			file,
			preview,
			progress: { rows: 0, done: 0, total: file.size, startedAt }
		};
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
				encoding: preview.encoding,
				delimiter: preview.delimiter,
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
		const batchRows: number[] = [];
		const check = startWorkerCheck(request, {
			staged: (batch) => {
				batchRows[batch.seq] = batch.rows;
				totals.rows += batch.rows;
				totals.duplicates += batch.duplicates;
				changes = batch.changes ?? changes;
				for (const a of batch.activities) activities.push(a);
				for (const r of batch.rejected) rejected.push(r);
			},
			progress: (rows, bytesRead, totalBytes) => {
				if (this.state.step !== 'checking') return;
				this.state = {
					...this.state,
					progress: { rows, done: bytesRead, total: totalBytes ?? file.size, startedAt }
				};
			}
		});
		this.#stopCheck = check.terminate;
		const end = await check.ended;
		this.#stopCheck = null;
		let error = end.error;
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole, never mutated
		let duplicates: ReadonlySet<number> = new Set();
		try {
			if (target !== 'customer' && !error) {
				// eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole, never mutated
				const ids = [...new Set(activities.map((a) => a.customerId))];
				const stored = await storedActivityKeys(target, ids);
				duplicates = duplicateLines(activities, stored);
			}
		} catch (e) {
			error = error ?? (e instanceof Error ? e.name : 'import_crashed');
		}
		if (this.#importId !== importId) return; // cancelled meanwhile
		if (error) {
			await this.#discard();
			this.state = { step: 'failed', file, preview, error };
			return;
		}
		const found = { rejected, batchRows };
		this.state = {
			step: 'checked',
			file,
			preview,
			checked:
				target === 'customer'
					? { ...found, target, totals, changes }
					: { ...found, target, activities, duplicates }
		};
	}

	/** Writes the checked file in one transaction, in a worker, with progress; Cancel undoes it all. */
	async commit(): Promise<void> {
		const importId = this.#importId;
		const s = this.state;
		if (!importId || s.step !== 'checked') return;
		const { file, preview, checked } = s;
		const total = checked.batchRows.reduce((a, b) => a + b, 0);
		const startedAt = performance.now();
		this.state = {
			step: 'committing',
			file,
			preview,
			checked,
			progress: { rows: total, done: 0, total, startedAt }
		};
		const abort = new AbortController();
		this.#abort = abort;
		const sizes = checked.batchRows;
		let applied = 0;
		let done = 0;
		try {
			// In a worker: the page stays responsive and only shows the progress.
			const result = await commitImportInWorker(importId, {
				target: checked.target,
				strategy: this.strategy,
				duplicates: checked.target === 'customer' ? [] : checked.duplicates,
				signal: abort.signal,
				onProgress: (batches) => {
					while (applied < batches) done += sizes[applied++] ?? 0;
					if (this.state.step === 'committing')
						this.state = { ...this.state, progress: { ...this.state.progress, done } };
				}
			});
			this.state = { step: 'done', file, preview, result };
			this.#importId = null;
		} catch (e) {
			// Dexie re-wraps the abort thrown inside the transaction: trust the signal, not the error.
			const cancelled = abort.signal.aborted;
			await this.#discard();
			const error = cancelled ? 'import_cancelled' : e instanceof Error ? e.name : 'import_crashed';
			this.state = { step: 'failed', file, preview, error };
		} finally {
			this.#abort = null;
			this.#settle();
		}
	}

	/** Cancel while checking or committing: nothing of this import stays. */
	async cancel(): Promise<void> {
		if (this.state.step === 'committing') {
			this.#abort?.abort();
			return;
		}
		this.#stopCheck?.();
		this.#stopCheck = null;
		await this.#discard();
		const readable = this.#readable();
		if (readable) this.state = { step: 'failed', ...readable, error: 'import_cancelled' };
	}

	async reset(): Promise<void> {
		this.#stopCheck?.();
		this.#stopCheck = null;
		await this.#discard();
		this.state = { step: 'idle' };
		this.offer = { kind: 'none' };
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
