import { expect, test } from '@playwright/test';
import { nameMe } from './pages/profile';
import { CustomerDetailPage, createCustomer } from './pages/customers';
import { createDeal } from './pages/deals';

// Plans count days in the team's zone (Asia/Shanghai); the browser is set to it too, on a
// Wednesday morning, so that the week is the same whenever the test runs.
test.use({ locale: 'en-US', timezoneId: 'Asia/Shanghai' });

test('a week’s plan against what the log shows, with the lead’s comment', async ({ page }) => {
	await page.clock.setFixedTime(new Date('2026-03-11T10:00:00+08:00'));
	await nameMe(page, 'Zhang Min');
	const customer = await createCustomer(page, 'Plan Buyer');
	const detail = new CustomerDetailPage(page);
	await detail.logContact({ type: 'Visit', summary: 'Walked the site' });
	await expect(page.getByRole('status').filter({ hasText: 'Contact logged.' })).toBeVisible();
	await detail.logContact({ type: 'Call', summary: 'Called about the quote' });
	await expect(detail.timeline.getByRole('listitem')).toHaveCount(2);
	await createDeal(page, { customer: 'Plan Buyer', title: 'Spring order', amount: '3000' });

	await page.goto('/team/plans');
	await expect(page.getByLabel('Member', { exact: true })).toHaveValue(/.+/);
	await expect(page.getByText('A week · Mar 9, 2026')).toBeVisible();
	const form = page.getByRole('form', { name: 'The plan' });
	// Counts below zero or beyond reason are refused.
	await form.getByLabel('Planned visits').fill('-1');
	await form.getByLabel('Planned calls').fill('20000');
	await form.getByLabel('Planned new customers').fill('');
	await form.getByRole('button', { name: 'Save plan' }).click();
	const summary = form.getByRole('group').filter({ hasText: 'Please correct' });
	await expect(summary.getByRole('listitem')).toHaveText([
		'Planned visits: Enter a whole number from 0 to 10,000.',
		'Planned calls: Enter a whole number from 0 to 10,000.',
		'Planned new customers: Enter a whole number from 0 to 10,000.'
	]);
	await expect(page.getByText('No plan for this period yet')).toBeVisible();

	await form.getByLabel('Planned visits').fill('2');
	await form.getByLabel('Planned calls').fill('4');
	await form.getByLabel('Planned new customers').fill('1');
	await form.getByRole('checkbox', { name: /Spring order/ }).check();
	await form.getByRole('button', { name: 'Save plan' }).click();
	await expect(form.getByRole('status')).toHaveText('Plan saved.');

	const actual = page.getByTestId('plan-actual');
	await expect(actual.getByRole('row', { name: /Visits/ })).toHaveText(/Visits\s*2\s*1\s*50%/);
	await expect(actual.getByRole('row', { name: /Calls/ })).toHaveText(/Calls\s*4\s*1\s*25%/);
	await expect(actual.getByRole('row', { name: /New customers/ })).toHaveText(
		/New customers\s*1\s*1\s*100%/
	);
	await expect(page.getByTestId('plan-deals')).toHaveText('Spring order: Not moved');

	// Another call and the deal pushed to Proposal show up against the plan.
	await detail.goto(customer);
	await detail.logContact({ type: 'Call', summary: 'Sent the proposal' });
	await expect(detail.timeline.getByRole('listitem')).toHaveCount(3);
	await page.goto('/deals');
	await page.getByLabel('Move “Spring order” to stage').first().selectOption({ label: 'Proposal' });
	await expect(page.getByTestId('deal-status')).toContainText('Proposal');
	await page.goto('/team/plans');
	await expect(actual.getByRole('row', { name: /Calls/ })).toHaveText(/Calls\s*4\s*2\s*50%/);
	await expect(page.getByTestId('plan-deals')).toHaveText('Spring order: Moved to Proposal');

	// The lead's comment: too long is refused, then saved and shown.
	const comment = page.getByRole('form', { name: 'Lead’s comment' });
	await comment.getByLabel('Comment').fill('x'.repeat(5001));
	await comment.getByRole('button', { name: 'Save comment' }).click();
	await expect(comment).toContainText('At most 5,000 characters.');
	await comment.getByLabel('Comment').fill('Two more visits, please.');
	await comment.getByRole('button', { name: 'Save comment' }).click();
	await expect(comment.getByRole('status')).toHaveText('Comment saved.');
	await expect(page.getByTestId('plan-comment')).toHaveText('Two more visits, please.');
});
