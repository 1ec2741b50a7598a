/**
 * Where an import stands, as one tagged value: each step carries what is true in it and nothing
 * else (a check's counts exist once the file is checked, a progress only while something runs, an
 * error only when it failed), so a component that shows a step cannot read a field of another.
 */
import type { ImportTarget } from '$lib/io/csv/fields';
import type { PreviewResult } from '$lib/io/csv/preview';
import type { MappingTemplate } from '$lib/db/repos/import-templates';
import { countActivity } from '$lib/io/import/activity-plan';
import { countTotals, type DuplicateStrategy, type PlanCounts } from '$lib/io/import/plan';
import type { ActivityLine, RejectedRow } from '$lib/io/import/stager';
import type { FieldChanges, UpdateMode } from '$lib/io/import/stored-changes';

/** A preview whose columns could be read (the check and all later steps start from one). */
export type ReadablePreview = Extract<PreviewResult, { ok: true }>;

/** Checking: bytes read of the file; committing: rows written of the rows to write. */
export interface Progress {
	rows: number;
	done: number;
	total: number;
	startedAt: number;
}

/** What the whole-file check found, staged invisibly until the commit. */
export type CheckedFile = {
	rejected: RejectedRow[];
	/** Rows staged per batch (seq), for the commit's progress in rows. */
	batchRows: number[];
} & (
	| {
			target: 'customer';
			/** Staged rows, and how many of them are duplicates (all the counts need). */
			totals: { rows: number; duplicates: number };
			/** Per field, the stored values a fill or an overwrite changes. */
			changes: Record<UpdateMode, FieldChanges> | null;
	  }
	| {
			target: Exclude<ImportTarget, 'customer'>;
			activities: ActivityLine[];
			/** Lines whose record is stored already or earlier in the file. */
			duplicates: ReadonlySet<number>;
	  }
);

export interface ImportResult {
	created: number;
	updated: number;
}

export type ImportStep =
	| { step: 'idle' }
	/** A file chosen, its first rows on their way. */
	| { step: 'opening'; file: File }
	/** The first rows read, or why they cannot be. */
	| { step: 'preview'; file: File; preview: PreviewResult }
	| { step: 'checking'; file: File; preview: ReadablePreview; progress: Progress }
	| { step: 'checked'; file: File; preview: ReadablePreview; checked: CheckedFile }
	| {
			step: 'committing';
			file: File;
			preview: ReadablePreview;
			checked: CheckedFile;
			progress: Progress;
	  }
	| { step: 'done'; file: File; preview: ReadablePreview; result: ImportResult }
	/** A check or a commit that failed or was cancelled: nothing of it stays. */
	| { step: 'failed'; file: File; preview: ReadablePreview; error: string };

/** A saved mapping for the columns shown: none, one to offer, or the one just saved. */
export type TemplateOffer =
	{ kind: 'none' } | { kind: 'found'; template: MappingTemplate } | { kind: 'saved' };

/** Counts for the chosen strategy, before anything is written. */
export function importCounts(
	checked: CheckedFile,
	strategy: DuplicateStrategy
): PlanCounts & { rejected: number } {
	const counts =
		checked.target === 'customer'
			? countTotals(checked.totals.rows, checked.totals.duplicates, strategy)
			: countActivity(checked.activities, strategy, checked.duplicates);
	return { ...counts, rejected: checked.rejected.length };
}

/** What the strategy does to stored customers, per field (none for skip and create). */
export function storedChanges(
	checked: CheckedFile,
	strategy: DuplicateStrategy
): FieldChanges | null {
	if (checked.target !== 'customer') return null;
	return strategy === 'fill' || strategy === 'overwrite'
		? (checked.changes?.[strategy] ?? null)
		: null;
}
