import { callsAndTasks, draftOf } from './bench-delta';
import { db } from './db';
import { updateCustomer } from './repos/customers';
import { applyBatch } from './repos/snapshot-batch-apply';
import { openBatch } from './repos/snapshot-batch-open';
import { batchLines, previewBatch } from './repos/snapshot-batch-preview';
import { getSession } from './session';

/**
 * Many files at once, for the benchmarks (bench/suites/batch.mjs): the files chosen, opened,
 * previewed and applied as one batch through the Share page's repository calls, timed in the
 * page. Reached only through the `?bench` page hook (bench-hook.ts).
 */
/**
 * One manager's week through the repositories, as the forms write it: `customers` customers
 * edited (from the `from`-th on, so that each week edits others; a seeded customer the form
 * would refuse, such as one with a malformed second phone, is passed over), `interactions`
 * calls logged and `tasks` tasks created over them.
 */
export async function weekOfWork(o: {
	from: number;
	customers: number;
	interactions: number;
	tasks: number;
}) {
	const t0 = performance.now();
	const me = (await getSession()).member.id;
	const ids = (await db()
		.customers.toCollection()
		.offset(o.from)
		.limit(o.customers * 2)
		.primaryKeys()) as string[];
	const edited: string[] = [];
	const now = Date.now();
	for (const id of ids) {
		if (edited.length === o.customers) break;
		const c = await db().customers.get(id);
		if (!c) continue;
		try {
			await updateCustomer(id, {
				...draftOf(c),
				city: `城市 ${o.from}`,
				notes: `本周回访 ${o.from}`
			});
			edited.push(id);
		} catch {
			// Not valid as the form would save it: another customer is edited instead.
		}
	}
	await callsAndTasks(edited, o, me, now);
	return { ms: performance.now() - t0, customers: edited.length };
}

export async function batchImport(files: File[]) {
	const t0 = performance.now();
	const opened = await openBatch(
		files.map((f) => ({ name: f.name, size: f.size, source: f.stream() }))
	);
	const t1 = performance.now();
	const lines = batchLines(opened.toRead);
	const preview = await previewBatch(opened.toRead, opened.refused);
	const t2 = performance.now();
	const result = await applyBatch(preview.files.map((f) => f.preview.importId));
	const t3 = performance.now();
	return {
		openMs: t1 - t0,
		previewMs: t2 - t1,
		applyMs: t3 - t2,
		totalMs: t3 - t0,
		files: files.length,
		applied: preview.files.length,
		refused: preview.refused.map((r) => r.code),
		lines,
		senders: preview.senders.length,
		result
	};
}
