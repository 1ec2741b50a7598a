import { i18n } from '$lib/i18n/i18n.svelte';

type DayView = typeof import('./HomeDay.svelte');

let loading: Promise<DayView> | null = null;

/**
 * Home's day view (HomeDay) with the message tables it speaks: a chunk of its own, so that a
 * first start with an empty database never loads it. Home loads it when there are customers;
 * the app layout loads it ahead, when the browser is idle on another page, so that going to Home
 * does not wait for it. Loaded once; a failed load (offline before it was cached) is tried again
 * by the next caller.
 */
export function loadDayView(): Promise<DayView> {
	loading ??= Promise.all([
		import('./HomeDay.svelte'),
		i18n.load(['contests', 'customers', 'deals', 'home', 'interactions', 'tasks', 'tickets'])
	]).then(
		([view]) => view,
		(e: unknown) => {
			loading = null;
			throw e;
		}
	);
	return loading;
}
