import { applyBatch } from './repos/snapshot-batch-apply';
import { openBatch } from './repos/snapshot-batch-open';
import { batchLines, previewBatch } from './repos/snapshot-batch-preview';

/**
 * Many files at once, for the benchmarks (bench/suites/batch.mjs): the files chosen, opened,
 * previewed and applied as one batch through the Share page's repository calls, timed in the
 * page. Reached only through the `?bench` page hook (bench-hook.ts).
 */
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
