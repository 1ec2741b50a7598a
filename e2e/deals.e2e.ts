import { expect, test } from '@playwright/test';
import { createCustomer } from './pages/customers';
import { createDeal } from './pages/deals';
import { exportCsvLines } from './support/app';

test.use({ locale: 'en-US' });

test('a deal dragged to won records an order in the purchase history', async ({ page }) => {
	const customerId = await createCustomer(page, 'Orchard Foods');
	await createDeal(page, {
		customer: 'Orchard Foods',
		title: 'Cold store sensors',
		amount: '5,000'
	});
	await page.goto('/deals');
	const board = page.getByTestId('deal-board');
	const card = board.locator('li.deal', { hasText: 'Cold store sensors' });
	await expect(board.getByRole('region', { name: 'Lead' })).toContainText('Cold store sensors');

	await card.dragTo(board.getByRole('region', { name: 'Won' }));
	await expect(page.getByTestId('deal-status')).toContainText(
		'An order was added to the purchase history.'
	);
	await expect(board.getByRole('region', { name: 'Won' })).toContainText('Cold store sensors');

	await page.goto(`/customers/${customerId}`);
	const history = page.getByTestId('purchase-history');
	await expect(history).toContainText('¥5,000.00');
	await expect(history.getByRole('link', { name: 'Cold store sensors' })).toBeVisible();
});

test('a lost deal asks for the reason and the competitor', async ({ page }) => {
	await createCustomer(page, 'Harbor Logistics');
	await createDeal(page, {
		customer: 'Harbor Logistics',
		title: 'Fleet tracking',
		amount: '12000',
		stage: 'Proposal'
	});
	await page.goto('/deals');
	// The keyboard way: the card's "move to stage" select.
	await page.getByLabel('Move “Fleet tracking” to stage').selectOption({ label: 'Lost' });
	const dialog = page.getByRole('dialog', { name: 'Mark “Fleet tracking” as lost' });
	await expect(dialog).toBeVisible();
	await dialog.getByRole('button', { name: 'Mark as lost' }).click();
	await expect(dialog.getByText('Say why the deal was lost.', { exact: true })).toBeVisible();
	await expect(dialog.getByText('Name the competitor who won it.', { exact: true })).toBeVisible();
	// Still in its stage until the reason is given.
	const board = page.getByTestId('deal-board');
	await expect(board.getByRole('region', { name: 'Proposal' })).toContainText('Fleet tracking');

	await dialog.getByLabel('Reason lost').fill('Price too high');
	await dialog.getByLabel('Competitor').fill('Acme Corp');
	await dialog.getByRole('button', { name: 'Mark as lost' }).click();
	await expect(dialog).toBeHidden();
	await expect(board.getByRole('region', { name: 'Lost' })).toContainText('Fleet tracking');
	await board.getByRole('link', { name: 'Fleet tracking' }).click();
	await expect(page.getByText('Price too high')).toBeVisible();
	await expect(page.getByText('Acme Corp')).toBeVisible();
});

test('the deal list filters and exports to CSV', async ({ page }) => {
	await createCustomer(page, '杭州明达有限公司');
	await createDeal(page, { customer: '杭州明达', title: '年度维保', amount: '8000.5' });
	await createDeal(page, { customer: '杭州明达', title: 'Pilot line', amount: '300' });
	await page.goto('/deals');
	await page.getByRole('button', { name: 'Table' }).click();
	const table = page.getByTestId('deal-table');
	await expect(table.getByRole('row')).toHaveCount(3);
	await page.getByLabel('Search').fill('维保');
	await expect(table.getByRole('row')).toHaveCount(2);
	const { name, lines } = await exportCsvLines(page);
	expect(name).toMatch(/^deals-\d{4}-\d{2}-\d{2}\.csv$/);
	expect(lines[0]).toContain('Deal,Customer,Stage,Amount,Currency');
	expect(lines).toHaveLength(2);
	expect(lines[1]).toContain('年度维保,杭州明达有限公司,Lead,8000.50,CNY');
	// The forecast weighs the open deals by their probability (Lead: 10%).
	await page.getByLabel('Search').fill('');
	await expect(page.getByTestId('forecast')).toContainText('¥830.05');
});
