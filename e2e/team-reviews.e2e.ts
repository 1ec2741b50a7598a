import { expect, test, type Page } from '@playwright/test';
import { createCustomer } from './pages/customers';
import { createDeal } from './pages/deals';
import { SharePage } from './pages/snapshot';
import { seriousViolations } from './support/axe';
import { downloadText, nav } from './support/app';
import { readStore } from './support/idb';
import { person } from './support/people';
import { addTeammates } from './support/team';

/**
 * A lead's review of a manager, end to end: the manager's won deal arrives in their file, the
 * lead's scorecard refuses weights that do not add up to 100, the review is filled from the data,
 * rated, given an action, signed and printed; the period's CSV lists it; the manager imports the
 * lead's file and signs it on their own device.
 */

// Two browsers, four files and a print on the shared 2-core machine.
test.setTimeout(300_000);

async function exchange(from: Page, to: Page): Promise<void> {
	const out = new SharePage(from);
	await out.goto();
	const file = await out.exportFile();
	const inn = new SharePage(to);
	await inn.goto();
	await inn.importFile(file);
}

test('a lead reviews a manager from the data, signs, prints; the manager signs', async ({
	browser
}) => {
	const li = await person(browser, 'Li Na', 'Account manager');
	await createCustomer(li, 'Review Buyer');
	await createDeal(li, { customer: 'Review Buyer', title: 'Q order', amount: '2500' });
	await li.getByLabel('Move “Q order” to stage').selectOption({ label: 'Won' });
	await expect(li.getByTestId('deal-status')).toContainText('An order was added');

	const lead = await person(browser, 'Zhou Lead', 'Operations lead');
	await exchange(li, lead);
	// A colleague of Li Na's, with a goal of his own: nothing of it may reach her.
	const [wang] = await addTeammates(lead, ['Wang Wei']);
	await lead.goto('/goals');
	const wangGoal = lead.getByRole('form', { name: 'New goal' });
	await wangGoal.getByLabel('Owner').selectOption({ label: 'Wang Wei' });
	await wangGoal.getByLabel('Metric').selectOption({ label: 'Sales amount' });
	await wangGoal.getByLabel('Period', { exact: true }).selectOption({ label: 'Month' });
	await wangGoal.getByLabel('Target').fill('8000');
	await wangGoal.getByRole('button', { name: 'Add goal' }).click();
	await expect(wangGoal.getByRole('status')).toHaveText('Goal added.');

	// The lead sets Li Na's sales goal for this month.
	await lead.goto('/goals');
	const goal = lead.getByRole('form', { name: 'New goal' });
	await goal.getByLabel('Owner').selectOption({ label: 'Li Na' });
	await goal.getByLabel('Metric').selectOption({ label: 'Sales amount' });
	await goal.getByLabel('Period', { exact: true }).selectOption({ label: 'Month' });
	await goal.getByLabel('Target').fill('10000');
	await goal.getByRole('button', { name: 'Add goal' }).click();
	await expect(goal.getByRole('status')).toHaveText('Goal added.');

	// The scorecard refuses weights summing to 90, and saves at 100.
	await lead.goto('/team/reviews/scorecard');
	const card = lead.getByRole('form', { name: 'Review scorecard' });
	const salesWeight = card.getByLabel('Sales amount · Weight (%)');
	await expect(salesWeight).toHaveValue('40');
	await salesWeight.fill('30');
	await expect(card.getByTestId('weights-total')).toHaveText('The weights add up to 90%.');
	await card.getByRole('button', { name: 'Save the scorecard' }).click();
	const summary = card.getByRole('group', { name: 'Please correct the following:' });
	await expect(summary).toBeFocused();
	const message = 'The weights add up to 90%; they must add up to exactly 100%.';
	await expect(summary).toContainText(message);
	await expect(card.getByTestId('weights-total').locator('..')).toContainText(message);
	expect(await seriousViolations(lead)).toEqual([]);
	await salesWeight.fill('40');
	await card.getByRole('button', { name: 'Save the scorecard' }).click();
	await expect(card.getByRole('status')).toHaveText('Scorecard saved.');
	await expect(card.getByText(message)).toHaveCount(0);

	// The period's list, then Li Na's review filled from the data.
	await lead.goto('/team/reviews');
	const row = lead.getByTestId('period-review-row').filter({ hasText: 'Li Na' });
	await expect(row).toContainText('Not started');
	await row.getByRole('link', { name: 'Li Na' }).click();
	await expect(lead.getByRole('heading', { level: 1, name: 'Review of Li Na' })).toBeVisible();
	const sales = lead.getByTestId('review-kpi').filter({ hasText: 'Sales amount' });
	await expect(sales.getByTestId('kpi-actual')).toHaveText('¥2,500.00');
	await expect(sales).toContainText('¥10,000.00');
	await expect(sales).toContainText('25%');

	const form = lead.getByRole('form', { name: 'Ratings' });
	for (const criterion of ['Communication', 'Problem solving', 'Teamwork', 'Product knowledge'])
		await form
			.getByLabel(`Rating: ${criterion}`)
			.selectOption({ label: '4 – exceeds expectations' });
	await form.getByLabel('Comment: Teamwork').fill('Helps the new colleagues');
	await form.getByLabel('Strengths').fill('Keeps in touch with every key account');
	await form.getByRole('button', { name: 'Add an action' }).click();
	const action = form.getByRole('group', { name: 'Action 1' });
	await action.getByLabel('What to do').fill('Review two lost deals each week');
	const nextYear = new Date().getFullYear() + 1;
	await action.getByLabel('Due').fill(`${nextYear}-01-31`);
	// 40 × 25 (sales at 25%) + 30 × 0 (no goals) + 30 × 80 (four ratings of 4), over 100.
	await expect(form.getByTestId('review-total')).toContainText('34 points');
	await form.getByRole('button', { name: 'Save draft' }).click();
	await expect(lead.getByText('Draft saved.')).toBeVisible();
	await expect(lead.getByTestId('review-state')).toHaveText('Draft');

	expect(await seriousViolations(lead, '[data-testid="review-page"]')).toEqual([]);

	await lead
		.getByRole('form', { name: 'Ratings' })
		.getByRole('button', { name: 'Sign as the lead' })
		.click();
	await expect(lead.getByTestId('review-state')).toHaveText('Signed by the lead');
	await expect(lead.getByTestId('lead-signoff')).toContainText('Signed by the lead on');
	await expect(lead.getByTestId('member-signoff')).toHaveText('Waiting for Li Na to sign.');
	await expect(lead.getByTestId('review-plan')).toContainText('Review two lost deals each week');
	await expect(lead.getByTestId('review-total')).toContainText('34 points');
	await expect(lead.getByText(/Figures frozen at the lead’s sign-off/)).toBeVisible();
	expect(await seriousViolations(lead, '[data-testid="review-page"]')).toEqual([]);

	// Printed: an A4 page rule, and neither the navigation nor a button on paper.
	await lead.emulateMedia({ media: 'print' });
	await expect(nav(lead)).toBeHidden();
	await expect(lead.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
	await expect(lead.getByRole('button', { name: 'Reopen for editing' })).toBeHidden();
	await expect(lead.getByRole('heading', { level: 1, name: 'Review of Li Na' })).toBeVisible();
	await expect(lead.getByTestId('review-kpis')).toBeVisible();
	const pageSizes = await lead.evaluate(() =>
		[...document.styleSheets].flatMap((s) =>
			[...s.cssRules]
				.filter((r): r is CSSPageRule => r instanceof CSSPageRule)
				.map((r) => r.style.getPropertyValue('size').toLowerCase())
		)
	);
	expect(pageSizes).toContain('a4');
	await lead.emulateMedia({ media: 'screen' });
	await expect(nav(lead)).toBeVisible();

	// The period's CSV.
	await lead.getByRole('link', { name: 'Back to the period’s reviews' }).click();
	await expect(row).toContainText('Signed by the lead');
	await expect(row).toContainText('34');
	const csv = await downloadText(lead, () =>
		lead.getByRole('button', { name: 'Export CSV' }).click()
	);
	const lines = csv.text
		.replace(/^\uFEFF/, '')
		.trim()
		.split('\r\n');
	expect(lines[0]).toMatch(/^Member,Period,Period start,State,Score,Sales amount attainment,/);
	expect(lines[0]).toContain('Teamwork rating');
	const liLine = lines.find((l) => l.startsWith('Li Na,'));
	expect(liLine).toContain(',Signed by the lead,34,25%,');
	expect(liLine).toContain('Review two lost deals each week');

	// Li Na imports the file the lead made for her, and signs on her own device. It carried her
	// goal and review, and nothing of Wang Wei's.
	const shareLead = new SharePage(lead);
	await shareLead.goto();
	const forLi = await shareLead.sendChanges({
		to: 'Li Na',
		what: 'Everything',
		passphrase: 'for Li Na only'
	});
	const shareLi = new SharePage(li);
	await shareLi.goto();
	await shareLi.choose(forLi);
	await shareLi.unlock('for Li Na only');
	await expect(shareLi.preview).toBeVisible({ timeout: 60_000 });
	await shareLi.apply();
	const goalsAtLi = await readStore<{ ownerId: string }>(li, 'goals');
	expect(goalsAtLi.map((g) => g.ownerId)).not.toContain(wang);
	expect(goalsAtLi).toHaveLength(1);
	const reviewsAtLi = await readStore<{ memberId: string }>(li, 'reviews');
	expect(reviewsAtLi.map((r) => r.memberId)).not.toContain(wang);
	await li.goto('/reviews');
	await li.getByTestId('my-reviews').getByRole('link').first().click();
	await expect(li.getByRole('heading', { level: 1, name: 'Review of Li Na' })).toBeVisible();
	await expect(li.getByTestId('review-total')).toContainText('34 points');
	await expect(li.getByRole('button', { name: 'Reopen for editing' })).toHaveCount(0);
	const sign = li.getByRole('form', { name: 'Sign the review' });
	await sign.getByLabel('Your comment (optional)').fill('Agreed; I will review lost deals.');
	await sign.getByRole('button', { name: 'Sign the review' }).click();
	await expect(li.getByTestId('review-state')).toHaveText('Signed by both');
	await expect(li.getByTestId('member-signoff')).toContainText('Signed by Li Na on');
	await expect(li.getByTestId('member-comment')).toHaveText('Agreed; I will review lost deals.');

	// Her signature reaches the lead with the file she sends the lead.
	await shareLi.goto();
	const fromLi = await shareLi.sendChanges({
		to: 'The lead',
		what: 'Everything',
		passphrase: 'from Li Na'
	});
	await shareLead.goto();
	await shareLead.choose(fromLi);
	await shareLead.unlock('from Li Na');
	await expect(shareLead.preview).toBeVisible({ timeout: 60_000 });
	await shareLead.apply();
	await lead.goto('/team/reviews');
	await expect(row).toContainText('Signed by both');
});

test('a manager sees only their own reviews', async ({ browser }) => {
	const page = await person(browser, 'Wang Qiang', 'Account manager');
	await page.goto('/reviews');
	await expect(page.getByTestId('my-reviews-none')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Reviews of your team' })).toHaveCount(0);
	await page.goto('/team/reviews/someone-else/month/2026-03-01');
	await expect(page.getByTestId('review-not-allowed')).toBeVisible();
	await expect(page.getByRole('form', { name: 'Ratings' })).toHaveCount(0);
});
