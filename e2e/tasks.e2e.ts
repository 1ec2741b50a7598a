import { expect, test } from '@playwright/test';
import { createCustomer, pickCustomer } from './pages/customers';
import { downloadText, exportCsvLines } from './support/app';

test.use({ locale: 'en-US' });

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

	const { lines } = await exportCsvLines(page);
	expect(lines[0]).toBe('Title,Due,Priority,Kind,Customer,Status,Completed');
	expect(lines).toHaveLength(2);
	expect(lines[1]).toMatch(
		/^Send the 报价单,\d{4}-\d{2}-\d{2} 15:30,Normal,To-do,Calendar Co,Open,$/
	);
});
