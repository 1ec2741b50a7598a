// In-page measurements of the lead's pay and daily-report pages, run with page.evaluate (each
// function is sent to the page on its own, so each declares what it uses).

/**
 * From a click on the team navigation's link to `href` (the app open on another team page)
 * until no loading status is left in <main> and `selector` matches at least `count` elements,
 * checked every frame.
 */
export const navTo = ({ href, selector, count }) =>
	new Promise((done, fail) => {
		const ready = () => {
			const m = document.querySelector('main');
			if (!m || location.pathname !== href) return false;
			if ([...m.querySelectorAll('[role=status]')].some((s) => s.textContent.trim() !== ''))
				return false;
			return m.querySelectorAll(selector).length >= count;
		};
		const link = document.querySelector(`main nav a[href="${href}"]`);
		if (!link) return fail(new Error(`no link to ${href}`));
		const t0 = performance.now();
		link.click();
		const check = () => {
			const t = performance.now() - t0;
			if (ready()) done(t);
			else if (t > 120_000) fail(new Error(`${href} never became ready`));
			else requestAnimationFrame(check);
		};
		requestAnimationFrame(check);
	});
