import { expect, test } from '@playwright/test';
import { CustomerDetailPage, createCustomer } from './pages/customers';
import { nameMe } from './pages/profile';
import { chooseRole } from './pages/team';
import { putRecords } from './support/idb';
import { addTeammates } from './support/team';

// Reports are days in the team's zone (Asia/Shanghai), due by 18:00. The test sets the page's
// clock: a Wednesday morning, then the same evening past the deadline.
test.use({ locale: 'en-US', timezoneId: 'Asia/Shanghai' });

const MORNING = new Date('2026-03-11T10:00:00+08:00');
const EVENING = new Date('2026-03-11T18:30:00+08:00');

/** Li Na's report of the day as her file brings it: sent in the morning, stamped by her. */
function reportOfLiNa(id: string) {
	const hlc = `${String(MORNING.getTime() - 60_000).padStart(15, '0')}:0000:linadevice`;
	return {
		id: `daily:${id}:2026-03-11`,
		memberId: id,
		date: '2026-03-11',
		figures: { contacts: 3, visits: 2, customersReached: 4, dealsMoved: [], ticketsClosed: [] },
		problems: 'A competitor cut prices',
		helpNeeded: 'A price sheet by Friday',
		tomorrowPlan: 'Two visits in Pudong',
		sentAt: MORNING.getTime() - 60_000,
		leadComment: '',
		_meta: { created: { hlc, by: id }, updated: hlc }
	};
}

test('a 日报 drafted from the day’s log is sent; the lead reads the team’s, comments, sees who is missing', async ({
	page
}) => {
	await page.clock.setFixedTime(MORNING);
	await chooseRole(page, 'lead');
	await nameMe(page, 'Zhang Min');
	const [liNa] = await addTeammates(page, ['Li Na', 'Wang Wei']);
	await putRecords(page, 'dailyReports', [reportOfLiNa(liNa!)]);
	await createCustomer(page, 'Report Buyer');
	const detail = new CustomerDetailPage(page);
	await detail.logContact({ type: 'Visit', summary: 'Walked the site' });
	await expect(page.getByRole('status').filter({ hasText: 'Contact logged.' })).toBeVisible();
	await detail.logContact({ type: 'Call', summary: 'Called about the quote' });
	await expect(detail.timeline.getByRole('listitem')).toHaveCount(2);

	await page.goto('/team/reports');
	const mine = page.getByRole('form', { name: 'My daily report' });
	const figures = mine.getByTestId('daily-figures');
	await expect(figures).toHaveText(
		/Contacts\s*1\s*Visits\s*1\s*Customers reached\s*1\s*Deals moved\s*0\s*Tickets closed\s*0/
	);
	await expect(mine.getByTestId('report-state')).toHaveText('Draft, not sent');

	// Too long a text is refused; nothing is sent.
	await mine.getByLabel('Problems').fill('x'.repeat(5001));
	await mine.getByRole('button', { name: 'Send report' }).click();
	await expect(mine).toContainText('Problems: At most 5,000 characters.');
	await expect(mine.getByTestId('report-state')).toHaveText('Draft, not sent');

	await mine.getByLabel('Problems').fill('Quote approval is slow');
	await mine.getByLabel('Help needed').fill('A product engineer on Friday');
	await mine.getByLabel('Tomorrow’s plan').fill('Visit two new customers');
	await mine.getByRole('button', { name: 'Send report' }).click();
	await expect(mine.getByRole('status')).toHaveText('Report sent.');
	await expect(mine.getByTestId('report-state')).toContainText('Sent');

	// The lead's own report is theirs; the team's page lists the people they lead. Before the
	// deadline nobody is late yet.
	const team = page.getByRole('region', { name: 'The team’s reports' });
	const row = (name: string) => team.getByTestId('team-report').filter({ hasText: name });
	await expect(team.getByTestId('team-report')).toHaveCount(2);
	await expect(row('Li Na').locator('.tag')).toHaveText('Sent');
	await expect(row('Wang Wei').locator('.tag')).toHaveText('Not sent yet');
	await expect(page.getByTestId('reports-missing')).toHaveCount(0);

	// Past 18:00: the one who sent nothing is listed; the lead comments on the report sent.
	await page.clock.setFixedTime(EVENING);
	await page.reload();
	const missing = page.getByTestId('reports-missing');
	await expect(missing.getByRole('heading')).toHaveText('Not sent by 18:00');
	await expect(missing.getByRole('listitem')).toHaveText(['Wang Wei']);
	await expect(row('Wang Wei').locator('.tag')).toHaveText('Not sent');
	await expect(row('Li Na')).toContainText('A competitor cut prices');
	await expect(row('Li Na')).toContainText('A price sheet by Friday');
	const comment = row('Li Na').getByRole('form', { name: /Lead’s comment/ });
	await comment.getByLabel('Comment').fill('I will send the sheet.');
	await comment.getByRole('button', { name: 'Save comment' }).click();
	await expect(comment.getByRole('status')).toHaveText('Comment saved.');
	await expect(missing.getByRole('listitem')).toHaveText(['Wang Wei']);
});

test('a manager with nobody under them writes their own report and sees no colleague’s', async ({
	page
}) => {
	await page.clock.setFixedTime(MORNING);
	await chooseRole(page, 'manager');
	await nameMe(page, 'Zhou Jie');
	const [liNa] = await addTeammates(page, ['Li Na']);
	await putRecords(page, 'dailyReports', [reportOfLiNa(liNa!)]);
	await page.goto('/team/reports');
	const mine = page.getByRole('form', { name: 'My daily report' });
	await expect(mine.getByTestId('daily-figures')).toBeVisible();
	await expect(page.getByRole('region', { name: 'The team’s reports' })).toHaveCount(0);
	await expect(page.getByText('A competitor cut prices')).toHaveCount(0);
});
