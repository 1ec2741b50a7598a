// In-page instrumentation of the import wizard, installed before the file is chosen (run with
// page.evaluate). It drives the wizard itself, clicking "Check the whole file" and "Import"
// the moment each is there (no round trip to Playwright in the timings), and records:
// - the phases: file chosen (the input's change event), check clicked, counts shown, commit
//   clicked, done shown;
// - every long task (PerformanceObserver 'longtask', > 50 ms) from choosing to done;
// - every change to a progress display (the wizard's `.progress` blocks: the check's and the
//   commit's), seen by a MutationObserver, so the largest gap between two updates;
// - the main thread's JS heap every 500 ms (performance.memory; precise values cost time on
//   every read, so not more often), its peak.
export const instrumentImport = () => {
	const s = {
		t: {},
		longTasks: [],
		progress: { check: [], commit: [] },
		heapPeak: 0,
		error: null
	};
	window.__benchImport = s;
	const now = () => performance.now();
	new PerformanceObserver((l) => {
		for (const e of l.getEntries()) s.longTasks.push({ start: e.startTime, duration: e.duration });
	}).observe({ type: 'longtask' });
	document.addEventListener(
		'change',
		(e) => {
			if (e.target instanceof HTMLInputElement && e.target.type === 'file') s.t.chosen ??= now();
		},
		true
	);
	const heap = setInterval(() => {
		const m = performance.memory;
		if (m) s.heapPeak = Math.max(s.heapPeak, m.usedJSHeapSize);
	}, 500);
	const main = document.querySelector('main');
	const click = (testid, key) => {
		const b = main.querySelector(`[data-testid=${testid}]`);
		if (b && !b.disabled && s.t[key] === undefined) {
			s.t[key] = now();
			b.click();
		}
	};
	new MutationObserver((records) => {
		const t = now();
		for (const r of records) {
			const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
			const box = el?.closest?.('.progress');
			if (box) s.progress[box.dataset.testid === 'import-progress' ? 'commit' : 'check'].push(t);
			for (const n of r.addedNodes) {
				if (n.nodeType === 1 && n.matches?.('.progress'))
					s.progress[n.dataset.testid === 'import-progress' ? 'commit' : 'check'].push(t);
			}
		}
		if (s.t.chosen !== undefined) click('import-check', 'checkClicked');
		if (s.t.counts === undefined && main.querySelector('[data-testid=import-counts]'))
			s.t.counts = t;
		if (s.t.counts !== undefined) click('import-commit', 'commitClicked');
		if (s.t.done === undefined && main.querySelector('[data-testid=import-done]')) {
			s.t.done = t;
			clearInterval(heap);
		}
		const failed = main.querySelector('[data-testid=import-failed], [data-testid=import-refused]');
		if (failed && !s.error) s.error = failed.textContent;
	}).observe(main, { subtree: true, childList: true, attributes: true, characterData: true });
};

/** What the instrumentation saw, once done (or failed). */
export const importReport = () => {
	const s = window.__benchImport;
	const { chosen, checkClicked, counts, commitClicked, done } = s.t;
	const during = s.longTasks.filter(
		(e) => e.start >= (chosen ?? 0) && e.start <= (done ?? Infinity)
	);
	// The largest gap between progress updates, while each progress display is on screen.
	const gap = (ts) => {
		let g = 0;
		for (let i = 1; i < ts.length; i++) g = Math.max(g, ts[i] - ts[i - 1]);
		return { updates: ts.length - 2, maxGap: g };
	};
	return {
		total: done - chosen,
		toCheck: checkClicked - chosen,
		check: counts - checkClicked,
		commit: done - commitClicked,
		longTasks: during.length,
		longestTask: Math.max(0, ...during.map((e) => e.duration)),
		// From the click to the first update, and from the last update to the result, count too.
		checkProgress: gap([checkClicked, ...s.progress.check, counts]),
		commitProgress: gap([commitClicked, ...s.progress.commit, done]),
		heapPeakMb: s.heapPeak / 2 ** 20,
		error: s.error,
		doneText: document.querySelector('[data-testid=import-done]')?.textContent?.trim() ?? ''
	};
};
