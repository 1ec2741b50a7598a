import { expect, test } from '@playwright/test';
import { createCustomer, pickCustomer } from './pages/customers';
import { openHome } from './pages/home';
import { exportCsvLines } from './support/app';
import { HOUR, localInput } from './support/local-time';

test.use({ locale: 'en-US' });

async function createTicket(
	page: import('@playwright/test').Page,
	t: { customer: string; title: string; priority: string; hoursAgo: number }
): Promise<void> {
	await page.goto('/tickets/new');
	const form = page.getByRole('form', { name: 'Ticket details' });
	await pickCustomer(form, t.customer);
	await form.getByLabel('Kind').selectOption({ label: 'Complaint' });
	await form.getByLabel('Priority').selectOption({ label: t.priority });
	await form.getByLabel('Received').fill(localInput(t.hoursAgo * HOUR));
	await form.getByLabel('Subject').fill(t.title);
	await form.getByRole('button', { name: 'Create ticket' }).click();
	await expect(page.getByRole('heading', { level: 1, name: t.title })).toBeVisible();
}

test('a ticket past its deadline is flagged on its page, the list and Home', async ({ page }) => {
	await createCustomer(page, 'Lakeside Hotel');
	// Urgent: 4 hours to resolve by default. Received 5 hours ago, so it is late.
	await createTicket(page, {
		customer: 'Lakeside Hotel',
		title: 'Broken chiller',
		priority: 'Urgent',
		hoursAgo: 5
	});
	await expect(page.getByTestId('ticket-deadline')).toContainText('Past deadline');
	await createTicket(page, {
		customer: 'Lakeside Hotel',
		title: 'Invoice question',
		priority: 'Low',
		hoursAgo: 1
	});
	await expect(page.getByTestId('ticket-deadline')).not.toContainText('Past deadline');

	await page.goto('/tickets');
	const table = page.getByTestId('ticket-table');
	await expect(table.getByRole('row', { name: /Broken chiller/ })).toContainText('Past deadline');
	await expect(table.getByRole('row', { name: /Invoice question/ })).not.toContainText(
		'Past deadline'
	);
	await expect(page.getByTestId('tickets-late-count')).toContainText('1 open tickets');

	await openHome(page);
	const late = page.getByTestId('tickets-overdue');
	await expect(late.getByRole('link', { name: 'Broken chiller' })).toBeVisible();
	await expect(late).not.toContainText('Invoice question');

	// Resolved tickets are late no more; closing asks for satisfaction and keeps it.
	await late.getByRole('link', { name: 'Broken chiller' }).click();
	await page.getByLabel('Department', { exact: true }).selectOption({ label: 'After-sales' });
	await page.getByLabel('Hand-over note').fill('Send a technician');
	await page.getByRole('button', { name: 'Hand over', exact: true }).click();
	await expect(page.getByText('Handed over to After-sales.')).toBeVisible();
	await page.getByLabel('Resolution notes').fill('Compressor replaced');
	await page.getByRole('button', { name: 'Mark resolved' }).click();
	await expect(page.getByTestId('ticket-deadline')).not.toContainText('Past deadline');
	await page.getByLabel('Customer satisfaction').selectOption('4');
	await page.getByRole('button', { name: 'Close ticket' }).click();
	await expect(page.getByText('Ticket closed.')).toBeVisible();
	await page.getByRole('link', { name: 'Lakeside Hotel' }).click();
	await expect(page.getByTestId('csat-average')).toContainText('4 / 5');
});

test('the ticket list exports to CSV', async ({ page }) => {
	await createCustomer(page, 'Export Store');
	await createTicket(page, {
		customer: 'Export Store',
		title: 'Late delivery',
		priority: 'High',
		hoursAgo: 30
	});
	await page.goto('/tickets');
	// Export what the list shows: wait until the ticket is listed.
	await expect(page.getByTestId('ticket-table')).toContainText('Late delivery');
	const { name, lines } = await exportCsvLines(page);
	expect(name).toMatch(/^tickets-.*\.csv$/);
	expect(lines[0]).toMatch(
		/^Subject,Customer,Kind,Status,Priority,Received,Deadline,Past deadline/
	);
	expect(lines[1]).toContain('Late delivery,Export Store,Complaint,New,High');
	expect(lines[1]).toContain(',Yes,');
});
