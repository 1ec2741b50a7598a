/**
 * Version 3: batches of an import in progress (and what undoing a committed import needs).
 *
 * A large import is parsed in a worker and written in many transactions. Its records first land
 * here, invisible to every page; one final transaction moves them into the real tables, so an
 * import is committed whole or not at all. Batches of an import that never committed (a closed
 * tab, a crash) are deleted on the next start. After commit, the batches of kind 'undo' keep the
 * ids created and the records as they were before being updated, for Undo.
 */
export const v3 = {
	version: 3,
	stores: {
		importBatches: '[importId+seq], importId'
	}
} as const;
