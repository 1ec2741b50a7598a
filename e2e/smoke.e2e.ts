import { expect, test } from '@playwright/test';

// The built static app loads in Chromium, under its Content-Security-Policy, without errors.
test('the app shell loads without console errors or CSP violations', async ({ page }) => {
	const problems: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error') problems.push(m.text());
	});
	page.on('pageerror', (e) => problems.push(e.message));
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
	const csp = await page
		.locator('meta[http-equiv="content-security-policy"]')
		.getAttribute('content');
	expect(csp).toContain("script-src 'self'");
	expect(problems).toEqual([]);
});
