import { expect, test } from '@playwright/test';
import { resolve } from 'node:path';
import { loadDemo, open, waitForServiceWorker, watchErrors } from './support/app';
import { startServer } from './support/static-server';

// The service worker under test (the config blocks it for every other spec).
test.use({ serviceWorkers: 'allow' });

interface ManifestIcon {
	src: string;
	sizes: string;
	type: string;
	purpose?: string;
}

test('the manifest is linked and served with real PNG icons', async ({ page, request }) => {
	await open(page, '/');
	const href = await page.locator('link[rel="manifest"]').getAttribute('href');
	expect(href).toBeTruthy();
	const res = await request.get(new URL(href!, page.url()).toString());
	expect(res.ok()).toBe(true);
	const manifest = (await res.json()) as Record<string, unknown> & { icons: ManifestIcon[] };
	expect(manifest).toMatchObject({
		name: 'Rapport',
		short_name: 'Rapport',
		start_url: '/',
		scope: '/',
		display: 'standalone'
	});
	expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
	expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
	const want = ['192x192 any', '512x512 any', '512x512 maskable'];
	expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose ?? 'any'}`).sort()).toEqual(want);
	for (const icon of manifest.icons) {
		const img = await request.get(icon.src);
		expect(img.ok(), icon.src).toBe(true);
		expect(img.headers()['content-type']).toContain('image/png');
		const bytes = await img.body();
		expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
		// IHDR width and height must match the declared size.
		const [w, h] = icon.sizes.split('x').map(Number);
		expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([w, h]);
	}
});

test('the built page carries its CSP and runs under it without errors', async ({ page }) => {
	const errors = watchErrors(page);
	await open(page, '/settings');
	const csp = await page
		.locator('meta[http-equiv="content-security-policy"]')
		.getAttribute('content');
	expect(csp).toContain("script-src 'self' 'sha256-");
	expect(csp).toContain("object-src 'none'");
	await waitForServiceWorker(page);
	expect(errors).toEqual([]);
});

test('after one visit the app and its data open offline at a deep link', async ({
	page,
	context
}) => {
	await open(page, '/');
	await waitForServiceWorker(page);
	await loadDemo(page);
	await page.goto('/');
	const count = (await page.getByTestId('customer-count').textContent())?.trim();
	expect(count).toMatch(/^[1-9]/);

	await context.setOffline(true);
	await page.goto('/customers');
	await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'No customers yet' })).toBeHidden();
	await expect(page.getByTestId('offline-banner')).toBeVisible();

	await page.goto('/settings');
	await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
	await page.goto('/');
	await expect(page.getByTestId('customer-count')).toHaveText(count!);
	await context.setOffline(false);
});

test.describe('service-worker update', () => {
	const buildDir = resolve(process.env.RAPPORT_BUILD_DIR ?? 'build');

	test('a new worker waits, the banner holds off while editing, Reload switches', async ({
		page
	}) => {
		const server = await startServer(buildDir);
		try {
			await page.goto(`${server.url}/settings`);
			await waitForServiceWorker(page);
			const firstWorker = await page.evaluate(
				async () => (await navigator.serviceWorker.getRegistration())?.active?.scriptURL
			);
			expect(firstWorker).toContain('/service-worker.js');
			const banner = page.getByTestId('update-banner');
			await expect(banner).toBeHidden();

			// Publish a new worker and ask the browser to look for it.
			server.swSuffix = '// next version';
			await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
			await expect(banner).toContainText('A new version of Rapport is ready.', { timeout: 20_000 });
			// It waits: the page is still controlled by the old worker.
			expect(
				await page.evaluate(
					async () => !!(await navigator.serviceWorker.getRegistration())?.waiting
				)
			).toBe(true);

			// Editing a form makes the app busy: no Reload button, a promise to update later.
			const name = page.getByLabel('Name', { exact: true });
			await expect(name).toBeEnabled();
			await name.fill('赵磊');
			await expect(banner).toContainText('when you finish editing');
			await expect(banner.getByRole('button', { name: 'Reload' })).toHaveCount(0);
			await page.getByRole('button', { name: 'Save' }).click();
			await expect(page.getByText('Profile saved.')).toBeVisible();

			// Not busy any more: Reload activates the new worker and reloads the page.
			const reloaded = page.waitForEvent('load');
			await banner.getByRole('button', { name: 'Reload' }).click();
			await reloaded;
			await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
			await expect(banner).toBeHidden();
			const after = await page.evaluate(async () => {
				const reg = await navigator.serviceWorker.getRegistration();
				return { waiting: !!reg?.waiting, controlled: !!navigator.serviceWorker.controller };
			});
			expect(after).toEqual({ waiting: false, controlled: true });
			await expect(page.getByLabel('Name', { exact: true })).toHaveValue('赵磊');
		} finally {
			await server.close();
		}
	});
});
