import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { createCustomer } from './pages/customers';
import { createDeal } from './pages/deals';
import { RosterPage, startUsualLadder } from './pages/team';
import { seriousViolations } from './support/axe';
import { putRecords, readStore } from './support/idb';
import { person, sendTo } from './support/people';

/**
 * The lead's pay forms end to end: a team bonus of ¥12,000.50 split by sales between Li Na
 * (¥150,000) and Wang Qiang (¥50,000), to the fen on both statements and in the payroll CSV;
 * bad bonuses and adjustments refused with their message and nothing stored; a manager's edits
 * set aside, one taken and one dismissed, each undone; March closed, then a one-off bonus lands
 * in April with its reason while March stays as written.
 */

// Three browsers, two files and two downloads on the shared 2-core machine.
test.setTimeout(300_000);

const MARCH = new Date('2026-03-10T10:00:00+08:00');
const APRIL = new Date('2026-04-03T10:00:00+08:00');

async function seller(page: Page, customer: string, title: string, amount: string) {
	await createCustomer(page, customer);
	await createDeal(page, { customer, title, amount });
	await page.getByLabel(`Move “${title}” to stage`).selectOption({ label: 'Won' });
	await expect(page.getByTestId('deal-status')).toContainText('An order was added');
}

async function payrollCsv(page: Page): Promise<string> {
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Payroll CSV' }).click();
	return (await readFile(await (await download).path())).toString('utf8');
}

interface Stamped {
	id: string;
	_meta: unknown;
}

test('team bonus to the fen, typed adjustments, set-aside edits taken and dismissed', async ({
	browser
}) => {
	const li = await person(browser, 'Li Na', 'Account manager', MARCH);
	await seller(li, 'Li Buyer', 'Li order', '150000');
	const wang = await person(browser, 'Wang Qiang', 'Account manager', MARCH);
	await seller(wang, 'Wang Buyer', 'Wang order', '50000');

	const lead = await person(browser, 'Zhou Lead', 'Operations lead', MARCH);
	await sendTo(li, lead, 'The lead');
	await sendTo(wang, lead, 'The lead');
	await startUsualLadder(lead);
	const roster = new RosterPage(lead);
	for (const name of ['Li Na', 'Wang Qiang']) {
		await roster.goto();
		const page = await roster.open(name);
		await page.set('Level', 'Account manager', '2026-01-01');
		await expect(page.change.getByText('Saved: in force from 2026-01-01.')).toBeVisible();
	}

	// The plan of pay.e2e.ts: base ¥6,000, target ¥100,000, 3% up to 100%, 5% above.
	await lead.goto('/team/pay');
	const plan = lead.getByRole('form', { name: 'New plan' });
	await plan.getByLabel('Level').selectOption({ label: 'Account manager' });
	await plan.getByLabel('Effective from').fill('2026-01-01');
	await plan.getByLabel('Base pay').fill('6000');
	await plan.getByLabel('Sales target').fill('100000');
	await plan.getByRole('group', { name: 'Bracket 1' }).getByLabel('Rate (%)').fill('3');
	await plan.getByRole('group', { name: 'Bracket 2' }).getByLabel('Rate (%)').fill('5');
	await plan.getByRole('button', { name: 'Save the plan' }).click();
	await expect(plan.getByRole('status')).toHaveText('Plan saved.');
	await lead.getByLabel('Month', { exact: true }).fill('2026-03');

	// Bad team bonuses: each says why, and nothing is stored.
	const bonus = lead.getByRole('form', { name: 'New team bonus' });
	const summary = bonus.getByRole('group', { name: 'Please correct the following:' });
	await bonus.getByRole('button', { name: 'Save the team bonus' }).click();
	await expect(summary).toBeFocused();
	await expect(summary).toContainText('Enter a pool above zero');
	await expect(summary).toContainText('Choose how the pool is split.');
	await expect(summary).toContainText('Choose at least one member.');
	await bonus.getByLabel('Pool').fill('-5');
	await bonus.getByLabel('Split').selectOption({ label: 'split by review score' });
	await bonus.getByLabel('Li Na').check();
	await bonus.getByLabel('Wang Qiang').check();
	await bonus.getByRole('button', { name: 'Save the team bonus' }).click();
	await expect(summary).toContainText('Enter a pool above zero');
	await bonus.getByLabel('Pool').fill('¥12,000.50');
	await bonus.getByRole('button', { name: 'Save the team bonus' }).click();
	await expect(summary).toContainText('Nobody chosen has a signed review score that month');
	expect(await readStore(lead, 'payTeamBonuses')).toEqual([]);

	// By sales, 150,000 : 50,000 → ¥9,000.375 and ¥3,000.125: the odd fen to Li Na.
	await bonus.getByLabel('Split').selectOption({ label: 'split by sales' });
	await bonus.getByRole('button', { name: 'Save the team bonus' }).click();
	await expect(bonus.getByRole('status')).toContainText('Team bonus saved');
	await expect(lead.getByTestId('team-bonus')).toContainText(
		'¥12,000.50, split by sales, among Li Na、Wang Qiang'
	);
	const liRow = lead.getByTestId('pay-row').filter({ hasText: 'Li Na' });
	const wangRow = lead.getByTestId('pay-row').filter({ hasText: 'Wang Qiang' });
	// Li Na: 6,000 + 3,000 + 2,500 + 9,000.38; Wang Qiang: 6,000 + 1,500 + 3,000.12.
	await expect(liRow).toContainText('¥20,500.38');
	await expect(wangRow).toContainText('¥10,500.12');
	const march = await payrollCsv(lead);
	expect(march).toMatch(
		/Li Na,2026-03-01,2026-03-31,CNY,6000\.00,5500\.00,0\.00,9000\.38,0\.00,20500\.38/
	);
	expect(march).toMatch(
		/Wang Qiang,2026-03-01,2026-03-31,CNY,6000\.00,1500\.00,0\.00,3000\.12,0\.00,10500\.12/
	);

	await liRow.getByRole('link', { name: 'Li Na' }).click();
	const liBonus = lead.getByTestId('statement-line').filter({ hasText: 'Team bonus' });
	await expect(liBonus.getByRole('rowheader')).toHaveText(
		'Team bonus (split by sales, with ¥0.01 left over)'
	);
	await expect(liBonus).toContainText('¥12,000.50');
	await expect(liBonus).toContainText('¥150,000.00 of ¥200,000.00');
	await expect(liBonus.getByTestId('line-amount')).toHaveText('¥9,000.38');
	expect(await seriousViolations(lead)).toEqual([]);
	await lead.goto('/team/pay');
	await lead.getByLabel('Month', { exact: true }).fill('2026-03');
	await wangRow.getByRole('link', { name: 'Wang Qiang' }).click();
	const wangBonus = lead.getByTestId('statement-line').filter({ hasText: 'Team bonus' });
	await expect(wangBonus.getByRole('rowheader')).toHaveText('Team bonus (split by sales)');
	await expect(wangBonus.getByTestId('line-amount')).toHaveText('¥3,000.12');

	// Bad adjustments: each says why, and nothing is stored.
	await lead.goto('/team/pay');
	const adjust = lead.getByRole('form', { name: 'New adjustment' });
	await expect(adjust.getByTestId('adjust-into')).toContainText('Lands in March 2026');
	await adjust.getByRole('button', { name: 'Save the adjustment' }).click();
	const adjustSummary = adjust.getByRole('group', { name: 'Please correct the following:' });
	await expect(adjustSummary).toBeFocused();
	await expect(adjustSummary).toContainText('Choose a member of the team.');
	await expect(adjustSummary).toContainText('Enter an amount above zero.');
	await expect(adjustSummary).toContainText('Say why: the reason is shown on the statement.');
	await adjust.getByLabel('Member').selectOption({ label: 'Li Na' });
	await adjust.getByLabel('Amount').fill('0');
	await adjust.getByRole('button', { name: 'Save the adjustment' }).click();
	await expect(adjustSummary).toContainText('Enter an amount above zero.');
	expect(await readStore(lead, 'payAdjustments')).toEqual([]);

	// A manager's edits to the lead's bonus, set aside before the merge (seeded as the screen
	// keeps them): one is taken, then undone; the other dismissed, then undone.
	const [stored] = await readStore<Stamped & Record<string, unknown>>(lead, 'payTeamBonuses');
	const liId = (await readStore<{ id: string; name: string }>(lead, 'members')).find(
		(m) => m.name === 'Li Na'
	)!.id;
	const entry = (n: number, patch: Record<string, unknown>) => ({
		id: `payTeamBonuses:${stored!.id}:imp-${n}`,
		table: 'payTeamBonuses',
		recordId: stored!.id,
		reason: 'manager_edit',
		authors: [liId],
		record: { ...stored, ...patch },
		importId: `imp-${n}`,
		at: MARCH.getTime() + n
	});
	await putRecords(lead, 'payAside', [
		entry(1, { pot: { minor: 2_000_000, currency: 'CNY' } }),
		entry(2, { note: 'Li gets it all' })
	]);
	await lead.goto('/team/pay');
	await lead.getByLabel('Month', { exact: true }).fill('2026-03');
	const aside = lead.getByTestId('pay-aside');
	const potEdit = aside.getByTestId('aside-entry').filter({ hasText: 'Pool' });
	const noteEdit = aside.getByTestId('aside-entry').filter({ hasText: 'Note' });
	await expect(potEdit).toContainText('Team bonus · Edited by a manager · Li Na');
	await expect(potEdit.getByTestId('aside-change')).toHaveText('Pool: ¥12,000.50 → ¥20,000.00');
	await expect(noteEdit.getByTestId('aside-change')).toHaveText('Note: — → Li gets it all');
	expect(await seriousViolations(lead)).toEqual([]);

	await potEdit.getByRole('button', { name: 'Take this change' }).click();
	await expect(aside.getByTestId('aside-status')).toContainText('Change taken as your own edit.');
	await expect(lead.getByTestId('team-bonus')).toContainText('¥20,000.00, split by sales');
	await expect(liRow).toContainText('¥26,500.00');
	await aside.getByRole('button', { name: 'Undo' }).click();
	await expect(aside.getByTestId('aside-status')).toContainText('Undone.');
	await expect(liRow).toContainText('¥20,500.38');
	await expect(aside.getByTestId('aside-entry')).toHaveCount(2);

	await noteEdit.getByRole('button', { name: 'Dismiss' }).click();
	await expect(aside.getByTestId('aside-entry')).toHaveCount(1);
	await aside.getByRole('button', { name: 'Undo' }).click();
	await expect(aside.getByTestId('aside-entry')).toHaveCount(2);
	await noteEdit.getByRole('button', { name: 'Dismiss' }).click();
	await potEdit.getByRole('button', { name: 'Dismiss' }).click();
	await expect(aside.getByTestId('aside-entry')).toHaveCount(0);
	const [after] = await readStore<{ pot: { minor: number }; note: string }>(lead, 'payTeamBonuses');
	expect(after).toMatchObject({ pot: { minor: 1_200_050 }, note: '' });

	// April: March is closed; a bonus for March is refused, a one-off bonus lands in April.
	await lead.context().clock.setFixedTime(APRIL);
	await lead.goto('/team/pay');
	await lead.getByLabel('Month', { exact: true }).fill('2026-03');
	await lead.getByRole('button', { name: 'Close March 2026' }).click();
	await lead.getByRole('alertdialog').getByRole('button', { name: 'Close March 2026' }).click();
	await expect(lead.getByTestId('close-status')).toHaveText('Month closed.');
	const closed = JSON.stringify(await readStore(lead, 'payStatements'));
	await bonus.getByLabel('Pool').fill('100');
	await bonus.getByLabel('Split').selectOption({ label: 'split equally' });
	await bonus.getByLabel('Li Na').check();
	await bonus.getByRole('button', { name: 'Save the team bonus' }).click();
	await expect(summary).toContainText('That month is closed');
	expect(await readStore(lead, 'payTeamBonuses')).toHaveLength(1);

	await expect(adjust.getByTestId('adjust-into')).toContainText('Lands in April 2026');
	await adjust.getByLabel('Member').selectOption({ label: 'Li Na' });
	await adjust.getByLabel('Kind').selectOption({ label: 'One-off bonus' });
	await adjust.getByLabel('Amount').fill('500');
	await adjust.getByLabel('Reason').fill('Won the Hangzhou tender');
	await adjust.getByRole('button', { name: 'Save the adjustment' }).click();
	await expect(adjust.getByRole('status')).toHaveText(
		'Adjustment saved on the statement of April 2026.'
	);
	expect(JSON.stringify(await readStore(lead, 'payStatements'))).toBe(closed);

	await lead.getByLabel('Month', { exact: true }).fill('2026-04');
	// April: base ¥6,000 and the one-off ¥500 (no April sales).
	await expect(liRow).toContainText('¥6,500.00');
	const april = await payrollCsv(lead);
	expect(april).toMatch(
		/Li Na,2026-04-01,2026-04-30,CNY,6000\.00,0\.00,0\.00,0\.00,500\.00,6500\.00/
	);
	await liRow.getByRole('link', { name: 'Li Na' }).click();
	const oneOff = lead.getByTestId('statement-line').filter({ hasText: 'One-off bonus' });
	await expect(oneOff.getByRole('rowheader')).toHaveText('One-off bonus: Won the Hangzhou tender');
	await expect(oneOff.getByTestId('line-amount')).toHaveText('¥500.00');
	await expect(lead.getByTestId('statement-total')).toHaveText('¥6,500.00');
});
