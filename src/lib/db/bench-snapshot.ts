import {
	appContext,
	applySnapshot,
	exportSnapshot,
	exportSnapshotWith,
	openSnapshotFile,
	previewSnapshot
} from './repos/snapshots';

/**
 * Snapshot export and import for the benchmarks (bench/suites/snapshot.mjs), through the same
 * repository calls as the Share page, timed here so that no round trip to the test runner is
 * counted. Reached only through the `?bench` page hook (bench-hook.ts).
 */

/** Samples the page's JS heap while `work` runs (performance.memory; Chromium only). */
async function withHeapPeak<T>(work: () => Promise<T>): Promise<[T, number]> {
	const mem = () =>
		(performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
	let peak = mem();
	const timer = setInterval(() => (peak = Math.max(peak, mem())), 250);
	try {
		const result = await work();
		return [result, Math.max(peak, mem()) / 2 ** 20];
	} finally {
		clearInterval(timer);
	}
}

/**
 * The main thread's long tasks (over 50 ms, PerformanceObserver 'longtask') while `work` runs:
 * how many, and the longest (0 when none).
 */
async function withLongTasks<T>(work: () => Promise<T>): Promise<[T, number, number]> {
	const seen: number[] = [];
	const observer = new PerformanceObserver((l) => {
		for (const e of l.getEntries()) seen.push(e.duration);
	});
	observer.observe({ type: 'longtask' });
	try {
		const result = await work();
		// Entries are delivered after their task: one more turn so the last ones are counted.
		await new Promise((ok) => setTimeout(ok, 0));
		for (const e of observer.takeRecords()) seen.push(e.duration);
		return [result, seen.length, Math.max(0, ...seen)];
	} finally {
		observer.disconnect();
	}
}

/**
 * Exports everything into a Blob (as the download does); returns a URL of it and timings. `onPage`
 * runs the encoder on the page's thread, as the app did before the export worker (to compare).
 */
export async function exportForBench(onPage = false) {
	const chunks = async () =>
		onPage
			? exportSnapshotWith(await appContext(), { kind: 'all' })
			: exportSnapshot({ kind: 'all' });
	const t0 = performance.now();
	const [[{ parts, bytes }, heapPeakMb], longTasks, longestTaskMs] = await withLongTasks(() =>
		withHeapPeak(async () => {
			const parts: Uint8Array[] = [];
			let bytes = 0;
			for await (const c of await chunks()) {
				parts.push(c);
				bytes += c.length;
			}
			return { parts, bytes };
		})
	);
	const ms = performance.now() - t0;
	const url = URL.createObjectURL(
		new Blob(parts as BlobPart[], { type: 'application/octet-stream' })
	);
	return { ms, bytes, url, heapPeakMb, longTasks, longestTaskMs };
}

/** Opens, previews (stages and merges) and applies a snapshot file; timings of each step. */
export async function importForBench(file: Blob) {
	const t0 = performance.now();
	const [out, heapPeakMb] = await withHeapPeak(async () => {
		const reader = await openSnapshotFile(file.stream());
		const t1 = performance.now();
		const preview = await previewSnapshot(reader, { fileName: 'bench.rapport' });
		const t2 = performance.now();
		const result = await applySnapshot(preview.importId);
		const t3 = performance.now();
		return {
			openMs: t1 - t0,
			previewMs: t2 - t1,
			applyMs: t3 - t2,
			stats: preview.stats,
			conflicts: preview.conflictCount,
			result
		};
	});
	return { ...out, totalMs: performance.now() - t0, heapPeakMb };
}
