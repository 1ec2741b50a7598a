import { expect, test, type Page } from '@playwright/test';
import { createCustomer } from './pages/customers';
import { createDeal } from './pages/deals';
import { RosterPage, startUsualLadder } from './pages/team';
import { nav } from './support/app';
import { readStore } from './support/idb';
import { person, sendTo } from './support/people';

/**
 * Pay end to end: a manager's March orders reach the lead; the lead's plan refuses overlapping
 * brackets, then pays the hand-computed case to the fen; March is closed and printed; the manager
 * disputes a line on her own device and the lead sees it once her file arrives; an order trashed
 * after the close leaves March's statement byte for byte as written and gives April a clawback.
 */

// Two browsers, four files and a print on the shared 2-core machine.
test.setTimeout(300_000);

const MARCH = new Date('2026-03-10T10:00:00+08:00');
const APRIL = new Date('2026-04-03T10:00:00+08:00');

async function won(page: Page, customer: string, title: string, amount: string): Promise<void> {
	await createDeal(page, { customer, title, amount });
	await page.getByLabel(`Move “${title}” to stage`).selectOption({ label: 'Won' });
	await expect(page.getByTestId('deal-status')).toContainText('An order was added');
}

interface Statement {
	id: string;
	memberId: string;
}

test('a statement is paid to the fen, closed, disputed, and a late return is clawed back', async ({
	browser
}) => {
	const li = await person(browser, 'Li Na', 'Account manager', MARCH);
	const buyer = await createCustomer(li, 'Pay Buyer');
	await won(li, 'Pay Buyer', 'Big order', '100000');
	await won(li, 'Pay Buyer', 'Top-up', '50000');

	const lead = await person(browser, 'Zhou Lead', 'Operations lead', MARCH);
	await sendTo(li, lead, 'The lead');
	await startUsualLadder(lead);
	const roster = new RosterPage(lead);
	await roster.goto();
	const liPage = await roster.open('Li Na');
	await liPage.set('Level', 'Account manager', '2026-01-01');
	await expect(liPage.change.getByText('Saved: in force from 2026-01-01.')).toBeVisible();

	// The plan: brackets that overlap are refused, and nothing is saved.
	await lead.goto('/team/pay');
	const plan = lead.getByRole('form', { name: 'New plan' });
	await plan.getByLabel('Level').selectOption({ label: 'Account manager' });
	await plan.getByLabel('Effective from').fill('2026-01-01');
	await plan.getByLabel('Base pay').fill('6000');
	await plan.getByLabel('Sales target').fill('100000');
	const first = plan.getByRole('group', { name: 'Bracket 1' });
	const second = plan.getByRole('group', { name: 'Bracket 2' });
	await first.getByLabel('Rate (%)').fill('3');
	await second.getByLabel('From (%)').fill('90');
	await second.getByLabel('Rate (%)').fill('5');
	await plan.getByRole('button', { name: 'Save the plan' }).click();
	const summary = plan.getByRole('group', { name: 'Please correct the following:' });
	await expect(summary).toBeFocused();
	await expect(summary).toContainText('This bracket overlaps the one before it');
	await expect(lead.getByText('No plan yet')).toBeVisible();
	await second.getByLabel('From (%)').fill('100');
	await plan.getByRole('button', { name: 'Save the plan' }).click();
	await expect(plan.getByRole('status')).toHaveText('Plan saved.');
	await expect(lead.getByTestId('pay-plans')).toContainText('Account manager');

	// March, open: ¥6,000 + 3% of ¥100,000 + 5% of ¥50,000.
	await lead.getByLabel('Month').fill('2026-03');
	const row = lead.getByTestId('pay-row').filter({ hasText: 'Li Na' });
	await expect(row).toContainText('¥11,500.00');
	await lead.getByRole('button', { name: 'Close March 2026' }).click();
	await lead.getByRole('alertdialog').getByRole('button', { name: 'Close March 2026' }).click();
	await expect(lead.getByTestId('close-status')).toHaveText('The month has not ended yet.');

	// April: March is closed, once.
	await lead.context().clock.setFixedTime(APRIL);
	await li.context().clock.setFixedTime(APRIL);
	await lead.goto('/team/pay');
	await lead.getByLabel('Month').fill('2026-03');
	await lead.getByRole('button', { name: 'Close March 2026' }).click();
	await lead.getByRole('alertdialog').getByRole('button', { name: 'Close March 2026' }).click();
	await expect(lead.getByTestId('close-status')).toHaveText('Month closed.');
	await expect(lead.getByTestId('month-state')).toContainText('Closed on');
	await expect(lead.getByRole('button', { name: 'Close March 2026' })).toHaveCount(0);

	await row.getByRole('link', { name: 'Li Na' }).click();
	await expect(
		lead.getByRole('heading', { level: 1, name: 'Pay statement: Li Na, March 2026' })
	).toBeVisible();
	const amounts = lead.getByTestId('line-amount');
	await expect(amounts).toHaveText(['¥6,000.00', '¥3,000.00', '¥2,500.00']);
	await expect(lead.getByTestId('statement-lines')).toContainText('¥50,000.00');
	await expect(lead.getByTestId('statement-total')).toHaveText('¥11,500.00');
	const march = (await readStore<Statement>(lead, 'payStatements'))[0];
	const marchJson = JSON.stringify(march);

	// Printed on A4: no navigation, no buttons, nothing wider than the paper.
	await lead.setViewportSize({ width: 794, height: 1123 });
	await lead.emulateMedia({ media: 'print' });
	await expect(nav(lead)).toBeHidden();
	await expect(lead.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
	await expect(lead.getByTestId('statement-lines')).toBeVisible();
	const fits = await lead.evaluate(() => {
		const sizes = [...document.styleSheets].flatMap((s) =>
			[...s.cssRules]
				.filter((r): r is CSSPageRule => r instanceof CSSPageRule)
				.map((r) => r.style.getPropertyValue('size').toLowerCase())
		);
		return { sizes, wide: document.documentElement.scrollWidth };
	});
	expect(fits.sizes).toContain('a4');
	expect(fits.wide).toBeLessThanOrEqual(794);
	await lead.emulateMedia({ media: 'screen' });

	// Li Na disputes a line on her device; the lead sees it once her file arrives.
	await sendTo(lead, li, 'Li Na');
	await li.goto('/pay');
	// Her plan came in the same file: she reads it bracket by bracket and acknowledges it.
	const myPlan = li.getByTestId('my-plan');
	await expect(myPlan).toContainText('Account manager, in force from Jan 1, 2026');
	await expect(myPlan.getByTestId('my-plan-bracket')).toHaveText([
		'Commission 0%–100% of target: 3%',
		'Commission above 100% of target: 5%'
	]);
	await myPlan.getByRole('button', { name: 'Acknowledge this plan' }).click();
	await expect(myPlan.getByTestId('my-plan-acked')).toHaveText(
		'You acknowledged this plan on Apr 3, 2026.'
	);
	await li.getByTestId('my-pay').getByRole('link', { name: 'March 2026' }).click();
	await expect(li.getByTestId('statement-total')).toHaveText('¥11,500.00');
	const dispute = li.getByRole('form', { name: 'Dispute a line' });
	await dispute.getByLabel('Line').selectOption({ label: 'Commission above 100% of target' });
	await dispute.getByLabel('Your comment').fill('The top-up was booked twice');
	await dispute.getByRole('button', { name: 'Send the dispute' }).click();
	await expect(dispute.getByRole('status')).toContainText('Dispute saved');
	await sendTo(li, lead, 'The lead');
	const acks = await readStore<{ kind: string; memberId: string }>(lead, 'payAcks');
	expect(acks.filter((a) => a.kind === 'plan').map((a) => a.memberId)).toEqual([march!.memberId]);
	await lead.goto(`/team/pay/${march!.memberId}/2026-03-01`);
	await expect(lead.getByTestId('statement-dispute')).toContainText(
		'Li Na on Apr 3, 2026, about “Commission above 100% of target”: The top-up was booked twice'
	);

	// The top-up is returned: March stays as written, April claws the difference back.
	await lead.goto(`/customers/${buyer}`);
	await lead
		.getByTestId('purchase-history')
		.getByRole('button', { name: /Move the order of ¥50,000\.00/ })
		.click();
	await expect(lead.getByTestId('purchase-history')).not.toContainText('¥50,000.00');
	await lead.goto('/team/pay');
	await lead.getByLabel('Month').fill('2026-04');
	await expect(row).toContainText('¥3,500.00');
	await row.getByRole('link', { name: 'Li Na' }).click();
	const clawback = lead
		.getByTestId('statement-line')
		.filter({ hasText: 'Clawback for March 2026' });
	await expect(clawback).toContainText('-¥2,500.00');
	expect(JSON.stringify((await readStore<Statement>(lead, 'payStatements'))[0])).toBe(marchJson);
});
