import type { BrowserContext, Page } from '@playwright/test';

/**
 * Stands in for the browser's answer to navigator.storage.persist(): Chromium decides on its own
 * (headless may grant or refuse), so each test chooses. The answer and the number of requests
 * live in localStorage, so they survive reloads like the browser's own decision would.
 */
export async function answerPersistence(context: BrowserContext, grant: boolean): Promise<void> {
	await context.addInitScript((grant: boolean) => {
		const storage = navigator.storage;
		Object.defineProperty(storage, 'persisted', {
			configurable: true,
			value: async () => localStorage.getItem('test.persisted') === 'yes'
		});
		Object.defineProperty(storage, 'persist', {
			configurable: true,
			value: async () => {
				const asked = Number(localStorage.getItem('test.persistAsks') ?? 0) + 1;
				localStorage.setItem('test.persistAsks', String(asked));
				if (grant) localStorage.setItem('test.persisted', 'yes');
				return grant;
			}
		});
	}, grant);
}

/** How many times the app asked for persistent storage in this profile. */
export function persistRequests(page: Page): Promise<number> {
	return page.evaluate(() => Number(localStorage.getItem('test.persistAsks') ?? 0));
}
