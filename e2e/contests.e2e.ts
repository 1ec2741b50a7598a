import { expect, test, type Page } from '@playwright/test';
import { createCustomer } from './pages/customers';
import { createDeal } from './pages/deals';
import { readStore } from './support/idb';
import { person, sendTo } from './support/people';

/**
 * A sales contest: the lead's bad contest is refused and nothing is stored; the good one ranks
 * the team from the merged files once published; the standings show on the dashboard and, once
 * the lead's file has arrived, on the manager's own Home.
 */

// Two browsers and two files on the shared 2-core machine.
test.setTimeout(240_000);

const MARCH = new Date('2026-03-10T10:00:00+08:00');

async function won(page: Page, customer: string, title: string, amount: string): Promise<void> {
	await createDeal(page, { customer, title, amount });
	await page.getByLabel(`Move “${title}” to stage`).selectOption({ label: 'Won' });
	await expect(page.getByTestId('deal-status')).toContainText('An order was added');
}

test('a contest is refused until it makes sense, then published and seen on Home', async ({
	browser
}) => {
	const li = await person(browser, 'Li Na', 'Account manager', MARCH);
	await createCustomer(li, 'Contest Buyer');
	await won(li, 'Contest Buyer', 'March order', '3000');
	const lead = await person(browser, 'Zhou Lead', 'Operations lead', MARCH);
	await sendTo(li, lead, 'The lead');

	await lead.goto('/team/contests');
	const form = lead.getByRole('form', { name: 'New contest' });
	await form.getByLabel('First day').fill('2026-03-31');
	await form.getByLabel('Last day').fill('2026-03-01');
	await form.getByRole('button', { name: 'Save the contest' }).click();
	const summary = form.getByRole('group', { name: 'Please correct the following:' });
	await expect(summary).toBeFocused();
	await expect(summary).toContainText('Name the contest.');
	await expect(summary).toContainText(
		'Enter a first and a last day, the last on or after the first.'
	);
	await expect(summary).toContainText('Say what the prize is.');
	await expect(lead.getByText('No contest yet.')).toBeVisible();
	expect(await readStore(lead, 'contests')).toHaveLength(0);

	await form.getByLabel('Contest', { exact: true }).fill('三月冲刺');
	await form.getByLabel('First day').fill('2026-03-01');
	await form.getByLabel('Last day').fill('2026-03-31');
	await form.getByLabel('Prize').fill('A day off');
	await form.getByRole('button', { name: 'Save the contest' }).click();
	await expect(form.getByRole('status')).toHaveText('Contest saved.');
	const contest = lead.getByTestId('contest').filter({ hasText: '三月冲刺' });
	await expect(contest).toContainText(
		'Sales amount · Mar 1, 2026 to Mar 31, 2026 · Prize: A day off'
	);
	await expect(contest).toContainText('Standings not published yet.');
	await contest.getByRole('button', { name: 'Publish the standings' }).click();
	await expect(contest.getByRole('status')).toHaveText('Standings published.');
	// The lead is not a contestant: Li Na alone, with her March sale.
	await expect(contest.getByTestId('standing')).toHaveText([/^1\s*Li Na\s*¥3,000\.00$/]);

	await lead.goto('/team/dashboard');
	const shownAtLead = lead.getByTestId('shown-contests');
	await expect(shownAtLead).toContainText('三月冲刺');
	await expect(shownAtLead.getByTestId('standing')).toHaveText([/^1\s*Li Na\s*¥3,000\.00$/]);

	// Li Na sees the standings on her Home once the lead's file has arrived, and not before.
	await li.goto('/');
	await expect(li.getByRole('heading', { name: 'Tasks overdue and due today' })).toBeVisible({
		timeout: 60_000
	});
	expect(await readStore(li, 'contestStandings')).toHaveLength(0);
	await expect(li.getByTestId('shown-contests')).toHaveCount(0);
	await sendTo(lead, li, 'Li Na');
	await li.goto('/');
	const shownAtLi = li.getByTestId('shown-contests');
	await expect(shownAtLi).toContainText('三月冲刺', { timeout: 60_000 });
	await expect(shownAtLi.getByTestId('standing')).toHaveText([/^1\s*Li Na\s*¥3,000\.00$/]);
});
