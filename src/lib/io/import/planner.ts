/**
 * The planner a commit runs on each staged batch, for the strategy the person chose: customer
 * rows through `planRows` (remembering earlier rows' customers across batches), interaction and
 * order rows through `planActivity` with the duplicate lines found after the check. Pure, so the
 * commit can build it in a worker from plain data.
 */
import type { ImportTarget } from '../csv/fields';
import { planActivity, type PlannedActivityOp, type StagedActivityRow } from './activity-plan';
import { planRows, type DuplicateStrategy, type PlannedOp, type StagedCustomerRow } from './plan';

export type PlannedImportOp = PlannedOp | PlannedActivityOp;

export function importPlanner(
	target: ImportTarget,
	strategy: DuplicateStrategy,
	duplicates: ReadonlySet<number>,
	now: number,
	newId: () => string
): (records: unknown[]) => PlannedImportOp[] {
	if (target !== 'customer')
		return (records) =>
			planActivity(records as StagedActivityRow[], strategy, duplicates, { now, newId }).ops;
	const earlier = new Map<number, string>();
	return (records) => planRows(records as StagedCustomerRow[], strategy, earlier, now).ops;
}
