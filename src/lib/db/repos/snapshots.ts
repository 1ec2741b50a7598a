/**
 * Snapshots, the Dexie side: export a scope, import with a preview, apply in one
 * transaction, undo, the conflict list. Each step lives in its own snapshot-*.ts file; the
 * `…With(ctx, …)` forms take a database and session explicitly (tests, benchmarks), the plain
 * forms use the app's.
 */
export { appContext, type SnapshotContext } from './snapshot-context';
export {
	collectBytes,
	exportSnapshotWith,
	MASKABLE_FIELDS,
	snapshotFileName,
	type ExportOptions,
	type MaskOption
} from './snapshot-export';
export { exportSize, exportSnapshot, exportSnapshotBlob } from './snapshot-export-app';
export type { ExportScope, ReadWatch } from './snapshot-source';
export { openSnapshotFile, snapshotErrorCode, type SnapshotReader } from './snapshot-open';
export {
	cancelSnapshotImport,
	cancelSnapshotImportWith,
	previewSnapshot,
	previewSnapshotWith,
	type SnapshotPreview
} from './snapshot-preview';
export {
	applySnapshot,
	applySnapshotWith,
	type ApplyOptions,
	type ApplyResult
} from './snapshot-apply';
export { restoreSnapshot, restoreSnapshotWith, type RestoreResult } from './snapshot-restore';
export type { AheadClock, FarAheadChoice } from './snapshot-clocks';
export {
	planSnapshotUndo,
	planSnapshotUndoWith,
	undoSnapshotImport,
	undoSnapshotImportWith
} from './snapshot-undo';
export {
	listSnapshotImports,
	listSnapshotImportsWith,
	type SnapshotImportRecord
} from './snapshot-imports';
export {
	dismissConflict,
	flipStoredConflict,
	flipStoredConflictWith,
	listConflicts,
	listConflictViews,
	type ConflictView,
	type FlipOutcome,
	listConflictsWith,
	type StoredConflict
} from './snapshot-conflicts';
