import { expect, test } from '@playwright/test';
import { CustomerFormPage, CustomerListPage } from './pages/customers';

test.use({ locale: 'en-US' });

test('a tab open during a schema upgrade in another tab is told to reload', async ({
	page,
	context
}) => {
	await new CustomerFormPage(page).create({ name: 'Old Tab Ltd' });
	const other = await context.newPage();
	await other.goto('/settings');
	// Stand-in for a newer Rapport: open the same database at a higher version.
	await other.evaluate(
		() =>
			new Promise<void>((done, fail) => {
				const req = indexedDB.open('rapport', 100_000);
				req.onupgradeneeded = () => undefined;
				req.onsuccess = () => {
					req.result.close();
					done();
				};
				req.onerror = () => fail(req.error);
				req.onblocked = () => fail(new Error('blocked: the old tab did not let go'));
			})
	);
	await expect(page.getByText('Rapport was updated in another tab')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();
});

test('a full disk gives a clear message and keeps what was stored', async ({ page }) => {
	// Simulates IndexedDB running out of quota on demand: every add/put throws QuotaExceededError.
	await page.addInitScript(() => {
		for (const method of ['add', 'put'] as const) {
			const original = IDBObjectStore.prototype[method];
			IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: [unknown]) {
				if (sessionStorage.getItem('failWrites'))
					throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
				return original.apply(this, args);
			} as typeof original;
		}
	});
	const form = new CustomerFormPage(page);
	await form.create({ name: 'Kept Co' });
	// A flag in sessionStorage survives the navigations below, unlike a window variable.
	await page.evaluate(() => sessionStorage.setItem('failWrites', '1'));
	await form.gotoNew();
	await form.fill({ name: 'Lost Co' });
	await form.save();
	await expect(page.getByText('The browser storage is full').first()).toBeVisible();
	// Still on the form with the typed values, so nothing the user typed is lost either.
	await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Lost Co');

	await page.evaluate(() => sessionStorage.removeItem('failWrites'));
	await page.reload();
	const list = new CustomerListPage(page);
	await list.goto();
	await expect(list.row('Kept Co')).toHaveCount(1);
	await expect(list.row('Lost Co')).toHaveCount(0);
});
