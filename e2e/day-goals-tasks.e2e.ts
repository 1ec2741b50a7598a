import { expect, test } from '@playwright/test';
import { createCustomer, createDeal, downloadText, pickCustomer } from './pages/day';

test.use({ locale: 'en-US' });

test('a sales goal’s progress moves when a deal is won', async ({ page }) => {
	await createCustomer(page, 'Goal Buyer');
	await page.goto('/goals');
	const form = page.getByRole('form', { name: 'New goal' });
	await form.getByLabel('Metric').selectOption({ label: 'Sales amount' });
	await form.getByLabel('Period', { exact: true }).selectOption({ label: 'Month' });
	await form.getByLabel('Target').fill('10000');
	await form.getByRole('button', { name: 'Add goal' }).click();
	const goal = page.getByTestId('goal').filter({ hasText: 'Sales amount' });
	await expect(goal.getByTestId('goal-actual')).toHaveText(/¥0\.00\s*\/\s*¥10,000\.00/);

	await createDeal(page, { customer: 'Goal Buyer', title: 'Spring order', amount: '2500' });
	await page.getByLabel('Move “Spring order” to stage').selectOption({ label: 'Won' });
	await expect(page.getByTestId('deal-status')).toContainText('An order was added');

	await page.goto('/goals');
	await expect(goal.getByTestId('goal-actual')).toHaveText(/¥2,500\.00\s*\/\s*¥10,000\.00/);
	await expect(goal.getByRole('progressbar')).toHaveAttribute('value', '25');

	const csv = await downloadText(page, () =>
		page.getByRole('button', { name: 'Export CSV' }).click()
	);
	const lines = csv.text
		.replace(/^\uFEFF/, '')
		.trim()
		.split('\r\n');
	expect(lines[0]).toBe('Owner,Metric,Period,Starting month,Target,Actual,Expected by now,Pace');
	expect(lines[1]).toContain('Sales amount');
	expect(lines[1]).toContain('"¥2,500.00"');
});

test('tasks are created, exported to .ics with their titles, and to CSV', async ({ page }) => {
	await createCustomer(page, 'Calendar Co');
	await page.goto('/tasks');
	const form = page.getByRole('form', { name: 'New task' });
	await form.getByLabel('Title').fill('Send the 报价单');
	await form.getByLabel('Time (optional)').fill('15:30');
	await pickCustomer(form, 'Calendar Co');
	await form.getByRole('button', { name: 'Add task' }).click();
	await expect(form.getByText('Task added.')).toBeVisible();
	await form.getByLabel('Title').fill('Plan the visit, Tuesday');
	await form.getByLabel('Time (optional)').fill('');
	await form.getByLabel('Priority').selectOption({ label: 'High' });
	await form.getByRole('button', { name: 'Add task' }).click();
	await expect(form.getByText('Task added.')).toBeVisible();

	await page.getByRole('button', { name: /^Today/ }).click();
	const list = page.getByRole('list', { name: 'Today' });
	await expect(list.getByRole('listitem')).toHaveCount(2);

	const ics = await downloadText(page, () =>
		page.getByRole('button', { name: 'Export to calendar (.ics)' }).click()
	);
	expect(ics.name).toMatch(/\.ics$/);
	expect(ics.text).toMatch(/^BEGIN:VCALENDAR\r\n/);
	expect(ics.text).toContain('SUMMARY:Send the 报价单');
	expect(ics.text).toContain('SUMMARY:Plan the visit\\, Tuesday');
	expect(ics.text).toContain('DESCRIPTION:Calendar Co');
	expect(ics.text.match(/BEGIN:VEVENT/g)).toHaveLength(2);

	// Done tasks leave the calendar export.
	await page.getByRole('button', { name: 'Mark “Plan the visit, Tuesday” done' }).click();
	await expect(list.getByRole('listitem')).toHaveCount(1);
	const after = await downloadText(page, () =>
		page.getByRole('button', { name: 'Export to calendar (.ics)' }).click()
	);
	expect(after.text.match(/BEGIN:VEVENT/g)).toHaveLength(1);

	const csv = await downloadText(page, () =>
		page.getByRole('button', { name: 'Export CSV' }).click()
	);
	const lines = csv.text
		.replace(/^\uFEFF/, '')
		.trim()
		.split('\r\n');
	expect(lines[0]).toBe('Title,Due,Priority,Kind,Customer,Status,Completed');
	expect(lines).toHaveLength(2);
	expect(lines[1]).toMatch(
		/^Send the 报价单,\d{4}-\d{2}-\d{2} 15:30,Normal,To-do,Calendar Co,Open,$/
	);
});
