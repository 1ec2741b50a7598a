import { expect, test } from '@playwright/test';
import { watchErrors } from './support/app';
import { chooseRole, RosterPage, startUsualLadder } from './pages/team';

test.use({ locale: 'en-US' });

test.beforeEach(async ({ page }) => {
	await chooseRole(page, 'lead');
	await startUsualLadder(page);
});

test('members are added by hand; bad input is named and nothing is added', async ({ page }) => {
	const errors = watchErrors(page);
	const roster = new RosterPage(page);
	await roster.goto();
	await roster.add({ name: '', phone: '12', email: 'li.na@', start: '' });
	const summary = roster.form.getByRole('group', { name: 'Please correct the following:' });
	await expect(summary).toBeFocused();
	await expect(summary.getByRole('link')).toHaveText([
		'Name: Enter the member’s name.',
		'Phone: This phone number is too short.',
		'Email: Enter an email address such as li.na@example.com.'
	]);
	await expect(roster.table.locator('tbody tr')).toHaveCount(1);

	await roster.add({
		name: '李娜',
		phone: '138 1234 5678',
		email: 'li.na@example.com',
		region: '华东',
		level: 'Account manager'
	});
	await expect(roster.form.getByText('李娜 was added.')).toBeVisible();
	await expect(roster.cell('李娜', 'level')).toHaveText('Account manager');
	await expect(roster.row('李娜')).toContainText('138 1234 5678');
	await expect(roster.cell('李娜', 'status')).toHaveText('Active');
	await roster.add({ name: '王磊', level: 'Account manager', reportsTo: '李娜' });
	await expect(roster.cell('王磊', 'reports-to')).toHaveText('李娜');
	expect(errors).toEqual([]);
});

test('a reporting loop is refused with its reason, and nothing changes', async ({ page }) => {
	const roster = new RosterPage(page);
	await roster.goto();
	await roster.add({ name: '陈晓东' });
	await roster.add({ name: '王磊', reportsTo: '陈晓东' });
	await roster.add({ name: '李娜', reportsTo: '王磊' });
	await expect(roster.cell('李娜', 'reports-to')).toHaveText('王磊');

	const chen = await roster.open('陈晓东');
	await chen.set('Reports to', '李娜', '2025-03-01');
	const summary = chen.change.getByRole('group', { name: 'Please correct the following:' });
	await expect(summary.getByRole('link')).toHaveText(
		/This would make a loop: the manager chosen reports, directly or through others, to this member on that date\./
	);
	await expect(page.getByTestId('member-reports-to')).toHaveText('Nobody (top of the team)');
	await expect(chen.history.getByRole('listitem')).toHaveCount(2);

	// Reporting to oneself is no choice at all: the list offers everyone else.
	await chen.change.getByLabel('What changes').selectOption({ label: 'Reports to' });
	await expect(
		chen.change.getByLabel('Reports to', { exact: true }).getByRole('option', { name: '陈晓东' })
	).toHaveCount(0);
});

test('a dated change of level leaves the days before it as they were', async ({ page }) => {
	const roster = new RosterPage(page);
	await roster.goto();
	await roster.add({ name: '王磊', level: 'Account manager', start: '2024-03-01' });
	const wang = await roster.open('王磊');
	await wang.set('Level', 'Senior account manager', '2025-05-01');
	await expect(wang.change.getByText('Saved: in force from 2025-05-01.')).toBeVisible();
	await expect(page.getByTestId('member-level')).toHaveText('Senior account manager');
	await expect(wang.history.getByRole('listitem').first()).toContainText(
		'Account manager → Senior account manager'
	);
	await expect(wang.history.getByRole('listitem').first()).toContainText('2025-05-01');

	// The same level again on a later date changes nothing, and says so.
	await wang.set('Level', 'Senior account manager', '2025-06-01');
	await expect(
		wang.change.getByText('This is already in force on that date: nothing would change.').first()
	).toBeVisible();

	await roster.goto();
	await expect(roster.cell('王磊', 'level')).toHaveText('Senior account manager');
	await roster.asOf('2025-04-30');
	await expect(roster.cell('王磊', 'level')).toHaveText('Account manager');
	await roster.asOf('2025-05-01');
	await expect(roster.cell('王磊', 'level')).toHaveText('Senior account manager');
	await roster.asOf('2024-02-29');
	await expect(roster.cell('王磊', 'level')).toHaveText('—');
});
