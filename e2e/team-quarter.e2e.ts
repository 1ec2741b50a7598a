import { expect, test, type Page } from '@playwright/test';
import { createCustomer } from './pages/customers';
import { createDeal } from './pages/deals';
import { RosterPage } from './pages/team';
import { person, sendTo } from './support/people';

/**
 * A lead's quarter from the team's files: two account managers, each on their own device, win
 * deals last month and this month and send their files; the lead merges both, puts them under a
 * supervisor, and the dashboard's figures are the sums worked out here by hand. Then one of them
 * moves to another supervisor from the first of this month: last month's team figures stay as
 * they were, and this month's follow her.
 */

// Three browsers and two files on a shared 2-core machine.
test.setTimeout(400_000);

const DAY_MS = 86_400_000;
const ZONE_MS = 8 * 3_600_000;

/** The calendar date in the team's zone (Asia/Shanghai, no summer time) of an instant. */
function shanghaiDate(at: number): { year: number; month: number; day: number } {
	const d = new Date(at + ZONE_MS);
	return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
const iso = (year: number, month: number, day: number) =>
	`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
/** Ten in the morning, Shanghai time, on a date. */
const morningOf = (date: string) => new Date(`${date}T10:00:00+08:00`);

const today = shanghaiDate(Date.now());
const thisMonthFirst = iso(today.year, today.month, 1);
const lastMonth = shanghaiDate(Date.parse(`${thisMonthFirst}T00:00:00+08:00`) - DAY_MS);
const lastMonthDay = (day: number) => iso(lastMonth.year, lastMonth.month, day);
const twoMonthsAgoFirst = (() => {
	const d = shanghaiDate(Date.parse(`${lastMonthDay(1)}T00:00:00+08:00`) - DAY_MS);
	return iso(d.year, d.month, 1);
})();

async function winDeal(page: Page, customer: string, title: string, amount: string) {
	await createCustomer(page, customer);
	await createDeal(page, { customer, title, amount });
	await page.getByLabel(`Move “${title}” to stage`).selectOption({ label: 'Won' });
	await expect(page.getByTestId('deal-status')).toContainText('An order was added');
}

async function showMonth(lead: Page, within: string, scope: 'own' | 'team'): Promise<void> {
	await lead.goto('/team/dashboard');
	const picker = lead.getByRole('form', { name: 'Period' });
	await picker.getByLabel('Period kind').selectOption({ label: 'Month' });
	await picker.getByLabel('A day in the period').fill(within);
	await picker.getByRole('button', { name: 'Show' }).click();
	await lead
		.getByLabel('Figures')
		.selectOption({ label: scope === 'own' ? 'Each member’s own' : 'Each member’s team' });
}

/** A member's sales in the dashboard's table, as shown. */
function sales(lead: Page, name: string) {
	return lead
		.getByRole('region', { name: 'Members' })
		.locator('tbody tr')
		.filter({ has: lead.getByRole('rowheader', { name, exact: true }) })
		.locator('[data-metric="sales_amount"] .value');
}

test('a lead’s quarter: figures from two files, and a move that leaves last month alone', async ({
	browser
}) => {
	// Last month, on their own devices (their clocks then), and Li Na again this month.
	const li = await person(browser, 'Li Na', 'Account manager', morningOf(lastMonthDay(15)));
	await winDeal(li, 'Quarter Buyer A', 'Li last month', '3000');
	await li.context().clock.setFixedTime(new Date());
	await li.reload();
	await winDeal(li, 'Quarter Buyer B', 'Li this month', '2000');
	const wang = await person(browser, 'Wang Wei', 'Account manager', morningOf(lastMonthDay(20)));
	await winDeal(wang, 'Quarter Buyer C', 'Wang last month', '5000');
	await wang.context().clock.setFixedTime(new Date());

	const lead = await person(browser, 'Zhou Lead', 'Operations lead');
	await sendTo(li, lead, 'The lead');
	await sendTo(wang, lead, 'The lead');

	// Both report to Zhang Min since the month before last; Chen Jie leads another team.
	const roster = new RosterPage(lead);
	await roster.goto();
	await roster.add({ name: 'Zhang Min', start: '2024-01-01' });
	await roster.add({ name: 'Chen Jie', start: '2024-01-01' });
	for (const name of ['Li Na', 'Wang Wei']) {
		await roster.goto();
		const member = await roster.open(name);
		await member.set('Reports to', 'Zhang Min', twoMonthsAgoFirst);
		await expect(
			member.change.getByText(`Saved: in force from ${twoMonthsAgoFirst}.`)
		).toBeVisible();
	}

	// By hand: last month Li Na sold ¥3,000 and Wang Wei ¥5,000, so Zhang Min's team ¥8,000;
	// this month Li Na ¥2,000.
	await showMonth(lead, lastMonthDay(15), 'own');
	await expect(sales(lead, 'Li Na')).toHaveText('¥3,000.00');
	await expect(sales(lead, 'Wang Wei')).toHaveText('¥5,000.00');
	await expect(sales(lead, 'Zhang Min')).toHaveText('¥0.00');
	await showMonth(lead, lastMonthDay(15), 'team');
	await expect(sales(lead, 'Zhang Min')).toHaveText('¥8,000.00');
	await expect(sales(lead, 'Chen Jie')).toHaveText('¥0.00');
	await showMonth(lead, thisMonthFirst, 'team');
	await expect(sales(lead, 'Zhang Min')).toHaveText('¥2,000.00');

	// Li Na moves to Chen Jie's team from the first of this month.
	await roster.goto();
	const liPage = await roster.open('Li Na');
	await liPage.set('Reports to', 'Chen Jie', thisMonthFirst);
	await expect(liPage.change.getByText(`Saved: in force from ${thisMonthFirst}.`)).toBeVisible();

	// Last month is as it was; this month's ¥2,000 counts for Chen Jie's team now.
	await showMonth(lead, lastMonthDay(15), 'team');
	await expect(sales(lead, 'Zhang Min')).toHaveText('¥8,000.00');
	await expect(sales(lead, 'Chen Jie')).toHaveText('¥0.00');
	await expect(sales(lead, 'Li Na')).toHaveText('¥3,000.00');
	await showMonth(lead, thisMonthFirst, 'team');
	await expect(sales(lead, 'Chen Jie')).toHaveText('¥2,000.00');
	await expect(sales(lead, 'Zhang Min')).toHaveText('¥0.00');
	await showMonth(lead, thisMonthFirst, 'own');
	await expect(sales(lead, 'Li Na')).toHaveText('¥2,000.00');
	await expect(sales(lead, 'Wang Wei')).toHaveText('¥0.00');
});
