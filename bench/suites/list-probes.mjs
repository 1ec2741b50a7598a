// In-page measurements of the customer list, run with page.evaluate (they execute in the page,
// so they may use only what they declare).

/** From a click on "Customers" (app open on Home) to the first grid cell and the next frame. */
export const navFromHome = () =>
	new Promise((done) => {
		const t0 = performance.now();
		document.querySelector('a[href="/customers"]').click();
		const check = () => {
			if (document.querySelector('[role=grid] [role=gridcell]'))
				requestAnimationFrame(() => done(performance.now() - t0));
			else requestAnimationFrame(check);
		};
		check();
	});

/**
 * Types queries one character at a time. For each keystroke: `work` is from the input event to
 * the DOM updated and laid out (Svelte flushes in a microtask; reading offsetHeight forces style
 * and layout), `painted` is to the next animation frame plus a task (the frame with the results).
 */
export const typeQueries = async (queries) => {
	const input = document.querySelector('input[type=search]');
	const grid = document.querySelector('[role=grid]');
	const out = [];
	const settle = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
	for (const query of queries) {
		await settle();
		for (let i = 1; i <= query.length; i++) {
			const t0 = performance.now();
			input.value = query.slice(0, i);
			input.dispatchEvent(new Event('input', { bubbles: true }));
			await Promise.resolve();
			await Promise.resolve();
			void grid.offsetHeight;
			const work = performance.now() - t0;
			await settle();
			const painted = performance.now() - t0;
			const hits = document.querySelectorAll('[role=grid] [role=row]').length - 1;
			out.push({ query: query.slice(0, i), work, painted, hits });
		}
		input.value = '';
		input.dispatchEvent(new Event('input', { bubbles: true }));
	}
	await settle();
	return out;
};

/**
 * Scrolls the whole grid top to bottom, one step per animation frame (a page per frame, or more
 * at 100,000 rows so that it ends in ~600 frames). Records per frame: the time between frames
 * (rAF delta: tied to the 60 Hz vsync in headless Chromium, so 16.7 ms means every frame made),
 * the main-thread work from the scroll event to the new rows laid out (capture listener on the
 * grid's scroll event → offsetHeight read in the next rAF callback), and long tasks and long
 * animation frames (> 50 ms) while scrolling. With `countInsertions`, a MutationObserver also
 * counts the DOM insertions: its records and callbacks are work of its own in every frame, so a
 * sweep that counts them is not one that is timed. `at` holds each frame's scroll event as wall
 * time (timeOrigin + now, in ms), so that the bench process can line the frames up with what it
 * read from /proc meanwhile (thread-time.mjs), and `pos` its scroll position: every sweep steps
 * through the same positions, so the frames of several sweeps can be compared position by
 * position.
 */
export const scrollAll = async ({ countInsertions = false } = {}) => {
	const grid = document.querySelector('[role=grid]');
	const long = [];
	const loaf = [];
	const obs = new PerformanceObserver((l) => long.push(...l.getEntries().map((e) => e.duration)));
	obs.observe({ type: 'longtask' });
	let obs2;
	try {
		obs2 = new PerformanceObserver((l) => loaf.push(...l.getEntries().map((e) => e.duration)));
		obs2.observe({ type: 'long-animation-frame' });
	} catch {
		obs2 = null;
	}
	// DOM insertions while scrolling (roots of inserted subtrees, as MutationObserver reports
	// them: a new row counts once, a tag span added inside a reused row counts once too).
	let created = 0;
	const mo = new MutationObserver((records) => {
		for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) created++;
	});
	if (countInsertions) mo.observe(grid, { subtree: true, childList: true });
	let scrolledAt = null;
	const onScroll = () => (scrolledAt ??= performance.now());
	grid.addEventListener('scroll', onScroll, { capture: true, passive: true });
	const deltas = [];
	const work = [];
	const at = [];
	const pos = [];
	let maxRows = 0;
	const end = grid.scrollHeight - grid.clientHeight;
	const step = Math.max(grid.clientHeight, end / 600);
	await new Promise((r) => requestAnimationFrame(r));
	let last = performance.now();
	while (grid.scrollTop < end - 1) {
		grid.scrollTop = Math.min(end, grid.scrollTop + step);
		await new Promise((r) => requestAnimationFrame(r));
		const now = performance.now();
		if (scrolledAt !== null) {
			void grid.offsetHeight;
			work.push(performance.now() - scrolledAt);
			at.push(performance.timeOrigin + scrolledAt);
			pos.push(Math.round(grid.scrollTop));
			scrolledAt = null;
		}
		deltas.push(now - last);
		last = now;
		maxRows = Math.max(maxRows, grid.querySelectorAll('.vlist-body [role=row]').length);
	}
	await new Promise((r) => setTimeout(r, 100));
	grid.removeEventListener('scroll', onScroll, { capture: true });
	obs.disconnect();
	obs2?.disconnect();
	mo.disconnect();
	// Back to the top, settled, so that the next sweep starts where this one did.
	grid.scrollTop = 0;
	await new Promise((r) => setTimeout(r, 300));
	return { deltas, work, at, pos, maxRows, long, loaf, loafSupported: obs2 !== null, created };
};

/**
 * Scrolls at about the speed of a mouse wheel: 150 px (about three rows) per animation frame for
 * 600 frames, from 30% of the list down. Records the same main-thread work per frame as
 * scrollAll (scroll event → rows laid out in the next animation frame callback), with `at` as
 * there. Where scrollAll sweeps the whole list (every row in view is another one each frame),
 * this is what reading down the list costs: most rows move, a few are new.
 */
export const scrollAtWheelSpeed = async () => {
	const grid = document.querySelector('[role=grid]');
	grid.scrollTop = 0.3 * (grid.scrollHeight - grid.clientHeight);
	await new Promise((r) => setTimeout(r, 300));
	let scrolledAt = null;
	const onScroll = () => (scrolledAt ??= performance.now());
	grid.addEventListener('scroll', onScroll, { capture: true, passive: true });
	const work = [];
	const at = [];
	for (let i = 0; i < 600; i++) {
		grid.scrollTop += 150;
		await new Promise((r) => requestAnimationFrame(r));
		if (scrolledAt !== null) {
			void grid.offsetHeight;
			work.push(performance.now() - scrolledAt);
			at.push(performance.timeOrigin + scrolledAt);
			scrolledAt = null;
		}
	}
	grid.removeEventListener('scroll', onScroll, { capture: true });
	return { work, at };
};

/**
 * The machine alone, for comparison with the sweeps: for `frames` animation frames, a fixed
 * computation (no allocation, no DOM) sized to take about `targetMs` on this machine, while an
 * element the size of the grid is repainted (its colour changes) so that the compositor and the
 * display compositor are busy as in a sweep. The computation is the same in every frame, so a
 * frame that takes much longer than the median on the wall clock was slowed by the machine (the
 * host taking the virtual CPU away, other threads on the 2 cores), not by its work. `work` and
 * `at` as in scrollAll.
 */
export const fixedWorkFrames = async ({ targetMs, frames }) => {
	const grid = document.querySelector('[role=grid]');
	const box = grid.getBoundingClientRect();
	const cover = document.createElement('div');
	Object.assign(cover.style, {
		position: 'fixed',
		left: `${box.left}px`,
		top: `${box.top}px`,
		width: `${box.width}px`,
		height: `${box.height}px`,
		zIndex: '10'
	});
	document.body.append(cover);
	let sink = 0;
	const compute = (n) => {
		let x = 1;
		for (let i = 0; i < n; i++) x = (Math.imul(x, 1103515245) + 12345) | 0;
		sink ^= x;
	};
	const frame = () => new Promise((r) => requestAnimationFrame(r));
	// Size the computation: the median of a few timed runs, scaled to the target.
	let n = 100_000;
	for (let round = 0; round < 3; round++) {
		const times = [];
		for (let i = 0; i < 15; i++) {
			await frame();
			const t = performance.now();
			compute(n);
			times.push(performance.now() - t);
		}
		times.sort((a, b) => a - b);
		n = Math.max(1000, Math.round((n * targetMs) / Math.max(0.05, times[7])));
	}
	const work = [];
	const at = [];
	for (let i = 0; i < frames; i++) {
		await frame();
		const t = performance.now();
		cover.style.background = i % 2 ? '#f6f8fa' : '#ffffff';
		compute(n);
		void cover.offsetHeight;
		work.push(performance.now() - t);
		at.push(performance.timeOrigin + t);
	}
	cover.remove();
	return { work, at, iterations: n, sink };
};
