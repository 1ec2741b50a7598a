// In-page measurements of the lead's team dashboard, run with page.evaluate (each function is
// sent to the page on its own, so each declares what it uses).

/**
 * From a click on the team navigation's Dashboard link (the app open on the roster) until the
 * dashboard is ready, checked every frame: no loading status left in <main>, a row for each of
 * `members`, the leaderboard ranked, and every chart (trend, pipeline, funnel) drawn by Chart.js.
 */
export const navToDashboard = (members) =>
	new Promise((done, fail) => {
		const ready = () => {
			const m = document.querySelector('main');
			if (!m || m.querySelector('[role=status]')) return false;
			const rows = m.querySelectorAll('[aria-labelledby=members-h] tbody tr');
			if (rows.length !== members) return false;
			if (!m.querySelector('[aria-labelledby=leaderboard-h] li')) return false;
			const charts = [...m.querySelectorAll('figure.chart')];
			return charts.length >= 3 && charts.every((f) => f.dataset.drawn === 'true');
		};
		const link = document.querySelector('main nav a[href="/team/dashboard"]');
		if (!link) return fail(new Error('no link to the dashboard'));
		const t0 = performance.now();
		link.click();
		const check = () => {
			const t = performance.now() - t0;
			if (ready()) done(t);
			else if (t > 120_000) fail(new Error('the dashboard never became ready'));
			else requestAnimationFrame(check);
		};
		requestAnimationFrame(check);
	});

/** What was on the page once ready. */
export const dashboardShown = () => {
	const m = document.querySelector('main');
	return {
		rows: m.querySelectorAll('[aria-labelledby=members-h] tbody tr').length,
		ranked: m.querySelectorAll('[aria-labelledby=leaderboard-h] li').length,
		charts: m.querySelectorAll('figure.chart').length
	};
};
