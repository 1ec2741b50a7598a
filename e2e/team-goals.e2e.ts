import { expect, test } from '@playwright/test';
import { readStore } from './support/idb';
import { chooseRole, RosterPage, startUsualLadder } from './pages/team';

test.use({ locale: 'en-US' });

interface StoredGoal {
	ownerId: string;
	target: number;
	periodStart: string;
	trashedAt: number | null;
}

test('the lead sets a goal for a whole level, once per member, and a bad target changes nothing', async ({
	page
}) => {
	await chooseRole(page, 'lead');
	await startUsualLadder(page);
	const roster = new RosterPage(page);
	await roster.goto();
	await roster.add({ name: '李娜', level: 'Senior account manager', from: '2026-01-01' });
	await roster.add({ name: '王磊', level: 'Senior account manager', from: '2026-01-01' });
	await roster.add({ name: '赵敏', level: 'Account manager', from: '2026-01-01' });

	await page.goto('/goals');
	const form = page.getByRole('form', { name: 'Set for a whole level' });
	await form.getByLabel('Level', { exact: true }).selectOption({ label: 'Senior account manager' });
	await form.getByLabel('Period', { exact: true }).selectOption({ label: 'Quarter' });
	await form.getByLabel('Starting month').fill('2026-04');
	await form.getByLabel('Target').fill('-5');
	await form.getByRole('button', { name: 'Show who gets it' }).click();
	const summary = form.getByRole('group', { name: 'Please correct the following:' });
	await expect(summary).toBeFocused();
	await expect(summary).toContainText('The target must be a number of 0 or more.');
	await expect(form.getByTestId('level-goals-confirm')).toHaveCount(0);
	expect(await readStore(page, 'goals')).toHaveLength(0);

	await form.getByLabel('Target').fill('500000');
	await form.getByRole('button', { name: 'Show who gets it' }).click();
	const confirm = form.getByTestId('level-goals-confirm');
	await expect(confirm).toContainText('This sets the goal for 2 members: 李娜 and 王磊.');
	expect(await readStore(page, 'goals')).toHaveLength(0);
	await confirm.getByRole('button', { name: 'Set these goals' }).click();
	await expect(form.getByRole('status')).toHaveText('Goals set for 2 members.');

	// Set again with another target: still one goal each, with the new target.
	await form.getByLabel('Target').fill('600000');
	await form.getByRole('button', { name: 'Show who gets it' }).click();
	await form.getByRole('button', { name: 'Set these goals' }).click();
	await expect(form.getByRole('status')).toHaveText('Goals set for 2 members.');
	const goals = await readStore<StoredGoal>(page, 'goals');
	expect(goals).toHaveLength(2);
	expect(goals.map((g) => [g.periodStart, g.target])).toEqual([
		['2026-04-01', 60_000_000],
		['2026-04-01', 60_000_000]
	]);

	// Each member's goal shows on the goals page with its progress.
	await page.getByLabel('Owner', { exact: true }).first().selectOption({ label: '李娜' });
	const card = page.getByTestId('goal');
	await expect(card).toHaveCount(1);
	await expect(card).toContainText('¥600,000.00');
});
