// In-page measurements of Home (工作台), run with page.evaluate (each function is sent to the
// page on its own, so each declares what it uses).

/**
 * Home is ready when every card has its figures (no loading status left in <main>), the deals
 * closing this month and the month's sales are shown, and every chart has been drawn by
 * Chart.js (`data-drawn` on the chart's figure).
 */
export const homeReady = () => {
	const m = document.querySelector('main');
	if (!m || m.querySelector('[role=status]')) return false;
	if (!m.querySelector('[data-testid=deals-closing]')) return false;
	if (!m.querySelector('[data-testid=sales-month]')) return false;
	const charts = [...m.querySelectorAll('figure.chart')];
	return charts.length >= 4 && charts.every((f) => f.dataset.drawn === 'true');
};

/** From a click on the Home link (app open elsewhere) until Home is ready, checked every frame. */
export const navToHome = () =>
	new Promise((done, fail) => {
		const ready = () => {
			const m = document.querySelector('main');
			if (!m || m.querySelector('[role=status]')) return false;
			if (!m.querySelector('[data-testid=deals-closing]')) return false;
			if (!m.querySelector('[data-testid=sales-month]')) return false;
			const charts = [...m.querySelectorAll('figure.chart')];
			return charts.length >= 4 && charts.every((f) => f.dataset.drawn === 'true');
		};
		const t0 = performance.now();
		document.querySelector('header a[href="/"]').click();
		const check = () => {
			const t = performance.now() - t0;
			if (ready()) done(t);
			else if (t > 120_000) fail(new Error('Home never became ready'));
			else requestAnimationFrame(check);
		};
		requestAnimationFrame(check);
	});
