import { expect, test, type Page } from '@playwright/test';
import { loadDemo, nav, open, watchErrors } from './support/app';

// Each page loads its message tables before it renders (its +page.ts). A table that t() had to
// fetch late leaves a performance mark; a key without a message would show as 'namespace.key'.
const PAGES = [
	'/',
	'/customers',
	'/customers/new',
	'/customers/duplicates',
	'/tasks',
	'/deals',
	'/deals/new',
	'/tickets',
	'/tickets/new',
	'/goals',
	'/import',
	'/share',
	'/trash',
	'/settings',
	'/team',
	'/team/levels'
];
const RAW_KEY =
	/\b(common|shell|settings|customers|interactions|trash|demo|home|tasks|deals|tickets|goals|feedback|imports|exports|duplicates|snapshots|team)\.[a-z][a-z0-9_]+\b/;

async function lateTables(page: Page): Promise<string[]> {
	return page.evaluate(() =>
		performance
			.getEntriesByType('mark')
			.map((m) => m.name)
			.filter((n) => n.startsWith('rapport:i18n-late'))
	);
}

async function checkPage(page: Page, path: string): Promise<void> {
	await open(page, path);
	await expect(page.locator('main h1').first()).toBeVisible();
	// Give late tables (if any) time to be asked for: the lists render after their first read.
	await page.waitForTimeout(500);
	expect(await lateTables(page), path).toEqual([]);
	expect(await page.locator('body').innerText(), path).not.toMatch(RAW_KEY);
}

test.describe('message tables', () => {
	test.setTimeout(180_000);

	test('every page has its messages when it renders, in English and in Chinese', async ({
		page
	}) => {
		const errors = watchErrors(page);
		await loadDemo(page);
		for (const path of PAGES) await checkPage(page, path);

		// A customer's, a deal's and a ticket's own page, reached from their lists.
		for (const list of ['/customers', '/deals', '/tickets']) {
			await open(page, list);
			const record = page
				.locator(`main a[href^="${list}/"]`)
				.and(page.locator(':not([href$="/new"]):not([href$="/duplicates"])'))
				.first();
			const href = await record.getAttribute('href');
			expect(href, list).toBeTruthy();
			await checkPage(page, href ?? '');
		}

		await open(page, '/settings');
		await page.getByRole('button', { name: '中文' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('设置');
		for (const path of PAGES) await checkPage(page, path);
		expect(errors).toEqual([]);
	});

	test('switching language on a page loads the same tables in the other language first', async ({
		page
	}) => {
		await open(page, '/tasks');
		await expect(nav(page).getByRole('link', { name: 'Tasks' })).toBeVisible();
		const heading = await page.locator('main h1').first().innerText();
		await page.getByRole('button', { name: '中文' }).click();
		await expect(nav(page).getByRole('link', { name: '任务' })).toBeVisible();
		await expect(page.locator('main h1').first()).not.toHaveText(heading);
		expect(await page.locator('body').innerText()).not.toMatch(RAW_KEY);
		expect(await lateTables(page)).toEqual([]);
	});
});
