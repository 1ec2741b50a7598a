import { expect, test } from '@playwright/test';
import { seriousViolations } from './support/axe';
import { chooseRole, RosterPage, startUsualLadder } from './pages/team';

// Months at a level count in the team's zone from the promotion's first day.
test.use({ locale: 'en-US', timezoneId: 'Asia/Shanghai' });

test('a member’s page says how far they are from the next level, criterion by criterion', async ({
	page
}) => {
	await page.clock.setFixedTime(new Date('2026-06-15T10:00:00+08:00'));
	await chooseRole(page, 'lead');
	await startUsualLadder(page);

	// What it takes to become a senior account manager: six months, and a review of 80 or more.
	await page.getByRole('button', { name: 'Edit Senior account manager' }).click();
	const form = page.getByRole('form', { name: /Edit Senior account manager/ });
	await form.getByLabel('Months at the level below').fill('6');
	await form.getByLabel('Review score').fill('80');
	await form.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByTestId('ladder')).toContainText('6 months at the level below');

	const roster = new RosterPage(page);
	await roster.goto();
	await roster.add({ name: 'Li Na', level: 'Account manager', from: '2026-01-01' });
	const member = await roster.open('Li Na');

	const summary = page.getByTestId('growth-summary');
	await expect(summary).toHaveText(
		'Next level: Senior account manager. Not all criteria are met yet.'
	);
	const criteria = page.getByRole('table', { name: 'Criteria for Senior account manager' });
	await expect(criteria.getByRole('row', { name: /Months at the level/ })).toHaveText(
		/Months at the level\s*6 months\s*5 months\s*1 month\s*$/
	);
	await expect(criteria.getByRole('row', { name: /Latest review score/ })).toHaveText(
		/Latest review score\s*80\s*Nothing yet\s*80 points/
	);
	expect(await seriousViolations(page, 'main')).toEqual([]);

	// The level was in fact held since December: the months are met; the review still is not.
	await member.set('Level', 'Account manager', '2025-12-01');
	await expect(criteria.getByRole('row', { name: /Months at the level/ })).toHaveText(
		/Months at the level\s*6 months\s*6 months\s*Met/
	);
	await expect(summary).toContainText('Not all criteria are met yet.');

	// Promoted this month: the next step is two years away.
	await member.set('Level', 'Senior account manager', '2026-06-01');
	await expect(summary).toHaveText('Next level: Sales supervisor. Not all criteria are met yet.');
	await expect(criteria).toHaveCount(0);
	await expect(
		page
			.getByRole('table', { name: 'Criteria for Sales supervisor' })
			.getByRole('row', { name: /Months at the level/ })
	).toHaveText(/Months at the level\s*24 months\s*0 months\s*24 months/);
});
