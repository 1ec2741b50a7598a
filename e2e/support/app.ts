import { expect, type Download, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

/** Page helpers shared by the specs: errors, service worker, navigation, demo data, downloads. */

/** Collects console errors and uncaught exceptions (CSP violations are console errors). */
export function watchErrors(page: Page): string[] {
	const problems: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error') problems.push(m.text());
	});
	page.on('pageerror', (e) => problems.push(e.message));
	return problems;
}

/** Waits until a service worker is active and controls this page (the first visit claims it). */
export async function waitForServiceWorker(page: Page): Promise<void> {
	await page.evaluate(
		() =>
			new Promise<void>((done, fail) => {
				const timer = setTimeout(() => fail(new Error('no controlling service worker')), 20_000);
				const check = (): void => {
					if (navigator.serviceWorker.controller) {
						clearTimeout(timer);
						done();
					}
				};
				navigator.serviceWorker.addEventListener('controllerchange', check);
				void navigator.serviceWorker.ready.then(check);
				check();
			})
	);
}

/** The app's main navigation. */
export function nav(page: Page) {
	return page.getByRole('navigation', { name: /Main|主导航/ });
}

/** Opens a page and waits until the shell has rendered its main heading. */
export async function open(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
}

/** Loads the demo data set from Settings and waits until it is there. */
export async function loadDemo(page: Page): Promise<void> {
	await open(page, '/settings');
	const load = page.getByRole('button', { name: /Load demo data|载入演示数据/ });
	await expect(load).toBeEnabled({ timeout: 15_000 });
	await load.click();
	await expect(page.getByTestId('demo-status')).toHaveText(/Demo data loaded|演示数据已载入/, {
		timeout: 60_000
	});
}

/** The file a download started by `click` saved: its suggested name, text and bytes. */
export async function downloadText(
	page: Page,
	click: () => Promise<void>
): Promise<{ name: string; text: string; bytes: Buffer }> {
	const pending = page.waitForEvent('download');
	await click();
	const download: Download = await pending;
	const path = await download.path();
	const bytes = await readFile(path);
	return { name: download.suggestedFilename(), text: bytes.toString('utf8'), bytes };
}

/** Clicks the list's "Export CSV" button; the file's name and its lines, the BOM left out. */
export async function exportCsvLines(page: Page): Promise<{ name: string; lines: string[] }> {
	const csv = await downloadText(page, () =>
		page.getByRole('button', { name: 'Export CSV' }).click()
	);
	return {
		name: csv.name,
		lines: csv.text
			.replace(/^\uFEFF/, '')
			.trim()
			.split('\r\n')
	};
}
