import { expect, test } from '@playwright/test';
import { CustomerDetailPage, CustomerFormPage } from './pages/customers';
import { answerPersistence, persistRequests } from './pages/storage';

/**
 * Persistent storage is asked for on the first real write (not behind a button), its state is
 * shown in Settings, and while the browser refuses it every start warns.
 */
test.use({ locale: 'en-US' });

test('refused: asked on the first saved customer, shown in Settings, warned on every start', async ({
	context,
	page
}) => {
	await answerPersistence(context, false);
	const state = page.getByTestId('storage-persisted');
	const warning = page.getByTestId('storage-warning');

	// A first start writes nothing of the user's: nothing is asked yet.
	await page.goto('/settings');
	await expect(state).toContainText('Rapport asks for it when you first save data');
	expect(await persistRequests(page)).toBe(0);
	await expect(warning).toHaveCount(0);

	await new CustomerFormPage(page).create({ name: 'First Co' });
	await expect.poll(() => persistRequests(page)).toBe(1);
	// More writes in the same session do not ask again.
	await new CustomerDetailPage(page).logContact({ type: 'Call', summary: 'Called back' });
	await expect(page.getByRole('region', { name: 'Timeline' })).toContainText('Called back');
	expect(await persistRequests(page)).toBe(1);

	await page.goto('/settings');
	await expect(state).toContainText('The browser refused persistent storage');
	await expect(warning).toBeVisible();
	await expect(warning).toContainText('may delete Rapport’s data');
	for (const path of ['/', '/customers']) {
		await page.goto(path);
		await expect(warning).toBeVisible();
	}
	// A later session asks again on its first write (the browser may have changed its mind).
	await new CustomerFormPage(page).create({ name: 'Second Co' });
	await expect.poll(() => persistRequests(page)).toBe(2);
});

test('granted: asked on the first saved customer, shown in Settings, no warning', async ({
	context,
	page
}) => {
	await answerPersistence(context, true);
	await new CustomerFormPage(page).create({ name: 'First Co' });
	await expect.poll(() => persistRequests(page)).toBe(1);
	await page.goto('/settings');
	// The banner reads the same state the section shows: once it says "on", no warning.
	await expect(page.getByTestId('storage-persisted')).toContainText('Persistent storage is on');
	await expect(page.getByTestId('storage-warning')).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Request persistent storage' })).toHaveCount(0);
});
