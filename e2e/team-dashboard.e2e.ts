import { expect, test, type Locator, type Page } from '@playwright/test';
import { createCustomer } from './pages/customers';
import { createDeal } from './pages/deals';
import { downloadText, loadDemo, open } from './support/app';

// The team's zone (Asia/Shanghai by default) is the devices' zone, as in a team in China: the
// figures are counted from the tallies. One test runs again on a device elsewhere, where they are
// counted from the records instead, and must show the same.
test.use({ locale: 'en-US', timezoneId: 'Asia/Shanghai' });

/** The figure in a cell as a number: ¥2,500.00 → 2500; a dash → null. */
async function amountIn(cell: Locator): Promise<number | null> {
	const text = (await cell.locator('.value').innerText()).trim();
	if (text === '—') return null;
	return Number(text.replace(/[^\d.]/g, ''));
}

for (const zone of ['Asia/Shanghai', 'Europe/Berlin'])
	test.describe(`a device in ${zone}`, () => {
		test.use({ timezoneId: zone });
		test(
			'a member’s sales and new customers, the team total, and the records behind them',
			salesAndDrill
		);
	});

async function salesAndDrill({ page }: { page: Page }): Promise<void> {
	await createCustomer(page, 'Dash Buyer');
	await createDeal(page, { customer: 'Dash Buyer', title: 'Dash order', amount: '2500' });
	await page.getByLabel('Move “Dash order” to stage').selectOption({ label: 'Won' });
	await expect(page.getByTestId('deal-status')).toContainText('An order was added');

	await open(page, '/team/dashboard');
	const table = page.getByRole('region', { name: 'Members' });
	const row = table.locator('tbody tr').first();
	await expect(row.locator('[data-metric="sales_amount"] .value')).toHaveText('¥2,500.00');
	await expect(row.locator('[data-metric="new_customers"] .value')).toHaveText('1');
	// This device's member has just worked: their figures are current.
	await expect(row.getByRole('note')).toHaveCount(0);
	await expect(table.locator('tfoot [data-metric="sales_amount"]')).toHaveText('¥2,500.00');

	await row.locator('[data-metric="sales_amount"]').getByRole('button').click();
	const dialog = page.getByRole('dialog');
	await expect(dialog).toContainText('Sales amount');
	await expect(dialog.getByRole('link', { name: 'Dash Buyer' })).toBeVisible();
	await expect(dialog).toContainText('¥2,500.00');
	await dialog.getByRole('button', { name: 'Close' }).click();
	await expect(dialog).toBeHidden();

	const csv = await downloadText(page, () =>
		page.getByRole('button', { name: 'Export CSV' }).click()
	);
	expect(csv.name).toMatch(/^team-\d{4}-\d{2}-01-\d{4}-\d{2}-\d{2}\.csv$/);
	expect(csv.text).toContain('"¥2,500.00"');
}

test('the funnel counts the deals that reached each stage this month, from their recorded moves', async ({
	page
}) => {
	await open(page, '/team/dashboard');
	const funnel = page.getByTestId('team-funnel');
	await expect(funnel).toContainText('No deal changed stage in this period.');

	await createCustomer(page, 'Funnel Buyer');
	for (const title of ['Funnel won', 'Funnel proposal', 'Funnel new', 'Funnel lost'])
		await createDeal(page, { customer: 'Funnel Buyer', title, amount: '1000' });
	await page.goto('/deals');
	await page.getByLabel('Move “Funnel won” to stage').selectOption({ label: 'Won' });
	await expect(page.getByTestId('deal-board').getByRole('region', { name: 'Won' })).toContainText(
		'Funnel won'
	);
	await page.getByLabel('Move “Funnel proposal” to stage').selectOption({ label: 'Proposal' });
	await page.getByLabel('Move “Funnel lost” to stage').selectOption({ label: 'Lost' });
	const lost = page.getByRole('dialog', { name: 'Mark “Funnel lost” as lost' });
	await lost.getByLabel('Reason lost').fill('Budget cut');
	await lost.getByLabel('Competitor').fill('Acme Corp');
	await lost.getByRole('button', { name: 'Mark as lost' }).click();
	await expect(lost).toBeHidden();
	await expect(
		page.getByTestId('deal-board').getByRole('region', { name: 'Proposal' })
	).toContainText('Funnel proposal');

	// Four deals entered as leads; two went on (one skipped straight to Won, so it passed every
	// stage before); one was lost from Lead.
	await open(page, '/team/dashboard');
	const rows = funnel.getByTestId('funnel-row');
	await expect(rows).toHaveText([
		/^Lead\s*4\s*—$/,
		/^Needs confirmed\s*2\s*50%$/,
		/^Proposal\s*2\s*100%$/,
		/^Negotiation\s*1\s*50%$/,
		/^Won\s*1\s*100%$/
	]);
	await expect(funnel.getByTestId('funnel-lost')).toHaveText('1 deal lost in the period.');
	await expect(funnel.locator('figure[data-drawn="true"]')).toBeAttached();
	await funnel.getByRole('button', { name: 'Show the numbers' }).click();
	await expect(funnel.getByRole('table').first().locator('tbody tr')).toHaveCount(5);
});

test('a custom period that ends before it starts is refused and the figures stay', async ({
	page
}) => {
	await open(page, '/team/dashboard');
	const shown = await page.getByTestId('dashboard-period').innerText();
	const picker = page.getByRole('form', { name: 'Period' });
	await picker.getByLabel('Period kind').selectOption({ label: 'Custom' });
	await picker.getByLabel('First day').fill('2026-03-10');
	await picker.getByLabel('Last day').fill('2026-03-01');
	await picker.getByRole('button', { name: 'Show' }).click();
	await expect(picker.getByRole('alert')).toBeVisible();
	await expect(picker).toContainText('The last day is before the first day.');
	await expect(page.getByTestId('dashboard-period')).toHaveText(shown);

	await picker.getByLabel('Last day').fill('2026-03-15');
	await picker.getByRole('button', { name: 'Show' }).click();
	await expect(page.getByTestId('dashboard-period')).toContainText('Mar 10, 2026');
	await expect(page.getByTestId('dashboard-period')).toContainText('Mar 15, 2026');
});

test('the demo team ranks on the leaderboard and sorts by any column', async ({ page }) => {
	await loadDemo(page);
	await open(page, '/team/dashboard');
	const table = page.getByRole('region', { name: 'Members' });
	await expect(table.locator('tbody tr')).not.toHaveCount(0);
	const rows = table.locator('tbody tr');
	const count = await rows.count();
	expect(count).toBeGreaterThan(1);

	const board = page.getByRole('list', { name: 'Leaderboard' });
	const standings = board.getByRole('listitem');
	await expect(standings.first()).toHaveAttribute('data-rank', '1');
	const values: number[] = [];
	for (const item of await standings.all())
		values.push(Number((await item.locator('.value').innerText()).replace(/[^\d.]/g, '')));
	for (let i = 1; i < values.length; i++)
		expect(values[i - 1] ?? 0).toBeGreaterThanOrEqual(values[i] ?? 0);

	await table.getByRole('button', { name: 'Sort by Sales amount' }).click();
	await expect(table.locator('th[aria-sort="descending"]')).toHaveCount(1);
	const sales: (number | null)[] = [];
	for (const r of await rows.all())
		sales.push(await amountIn(r.locator('[data-metric="sales_amount"]')));
	const known = sales.filter((v): v is number => v !== null);
	expect(known).toEqual([...known].sort((a, b) => b - a));
	expect(known[0]).toBe(values[0]);

	const trend = page.getByRole('region', { name: 'Trend over the last six periods' });
	await expect(trend.locator('figure[data-drawn="true"]')).toBeAttached();
	await trend.getByRole('button', { name: 'Show the numbers' }).click();
	await expect(trend.getByRole('table').locator('tbody tr')).toHaveCount(6);

	await table.getByRole('button', { name: 'Sort by Sales amount' }).click();
	await expect(table.locator('th[aria-sort="ascending"]')).toHaveCount(1);
	const up: number[] = [];
	for (const r of await rows.all()) {
		const v = await amountIn(r.locator('[data-metric="sales_amount"]'));
		if (v !== null) up.push(v);
	}
	expect(up).toEqual([...up].sort((a, b) => a - b));
});
