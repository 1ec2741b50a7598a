import { expect, test, type Page } from '@playwright/test';
import { createCustomer, pickCustomer } from './pages/customers';
import { createDeal } from './pages/deals';

test.use({ locale: 'en-US' });

async function openChecklists(page: Page) {
	await page.goto('/team/checklists');
	const form = page.getByRole('form', { name: 'A stage’s or ticket kind’s checklist' });
	await expect(form.getByLabel('Item 1', { exact: true })).toBeVisible();
	return form;
}

test('a required checklist item stops a deal leaving its stage until it is ticked', async ({
	page
}) => {
	await createCustomer(page, 'Gate Foods');
	await createDeal(page, { customer: 'Gate Foods', title: 'Gated sensors', amount: '8000' });

	const form = await openChecklists(page);
	await form.getByLabel('Checklist for').selectOption({ label: 'A deal stage' });
	await form.getByLabel('Stage').selectOption({ label: 'Lead' });
	// An empty item, then no item at all: refused, with what to do.
	await form.getByRole('button', { name: 'Save checklist' }).click();
	await expect(
		form.getByRole('link', { name: /Item 1: Write the item, or remove it\./ })
	).toBeVisible();
	await form.getByRole('button', { name: 'Remove item 1' }).click();
	await form.getByRole('button', { name: 'Save checklist' }).click();
	await expect(form).toContainText('Add at least one item.');
	await expect(page.getByText('No checklists yet.')).toBeVisible();

	await form.getByRole('button', { name: 'Add item' }).click();
	await form.getByLabel('Item 1', { exact: true }).fill('Budget confirmed');
	await form.getByRole('checkbox', { name: 'Required' }).check();
	await form.getByRole('button', { name: 'Add item' }).click();
	await form.getByLabel('Item 2', { exact: true }).fill('Brochure sent');
	await form.getByRole('button', { name: 'Save checklist' }).click();
	await expect(form.getByRole('status')).toHaveText('Checklist saved.');
	const saved = page.getByTestId('checklist').filter({ hasText: 'Deal stage: Lead' });
	await expect(saved.getByRole('listitem')).toHaveText([
		/Budget confirmed\s*required/,
		'Brochure sent'
	]);

	// On the board: the move is refused, naming the item; the deal stays in Lead.
	await page.goto('/deals');
	const board = page.getByTestId('deal-board');
	const card = board.locator('li.deal', { hasText: 'Gated sensors' });
	await card.dragTo(board.getByRole('region', { name: 'Proposal' }));
	await expect(page.getByRole('alert')).toHaveText(
		'Tick this stage’s required checklist items first: Budget confirmed.'
	);
	await expect(board.getByRole('region', { name: 'Lead' })).toContainText('Gated sensors');

	// On the deal's page: tick the item, and the move goes through.
	await card.getByRole('link', { name: 'Gated sensors' }).click();
	const panel = page.getByTestId('checklist-panel');
	await expect(panel).toContainText('1 required left');
	await page.getByLabel('Move “Gated sensors” to stage').selectOption({ label: 'Proposal' });
	await expect(page.getByRole('alert')).toContainText('Budget confirmed');
	await panel.getByRole('checkbox', { name: /Budget confirmed/ }).check();
	await expect(panel).toContainText('All required items ticked.');
	await expect(panel).toContainText('ticked by');
	await page.getByLabel('Move “Gated sensors” to stage').selectOption({ label: 'Proposal' });
	await expect(page.getByTestId('deal-status')).toContainText('Proposal');
	await expect(page.getByRole('alert')).toHaveCount(0);
	// The stage it left no longer has a checklist shown: Proposal has none.
	await expect(panel).toHaveCount(0);
});

test('a required item of a ticket kind stops the ticket being closed until ticked', async ({
	page
}) => {
	await createCustomer(page, 'Repair Hotel');
	const form = await openChecklists(page);
	await form.getByLabel('Checklist for').selectOption({ label: 'A ticket kind' });
	await form.getByLabel('Ticket kind').selectOption({ label: 'Repair' });
	await form.getByLabel('Item 1', { exact: true }).fill('Photo of the broken part');
	await form.getByRole('button', { name: 'Save checklist' }).click();
	await expect(form.getByRole('status')).toHaveText('Checklist saved.');

	await page.goto('/tickets/new');
	const ticket = page.getByRole('form', { name: 'Ticket details' });
	await pickCustomer(ticket, 'Repair Hotel');
	await ticket.getByLabel('Kind').selectOption({ label: 'Repair' });
	await ticket.getByLabel('Subject').fill('Broken boiler');
	await ticket.getByRole('button', { name: 'Create ticket' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Broken boiler' })).toBeVisible();

	const close = page.getByRole('form', { name: 'Close with satisfaction' });
	await close.getByRole('button', { name: 'Close ticket' }).click();
	await expect(close).toContainText(
		'Tick the required checklist items first: Photo of the broken part.'
	);
	await expect(page.getByLabel('Status')).toHaveValue('new');

	await page.getByTestId('checklist-panel').getByRole('checkbox', { name: /Photo/ }).check();
	await close.getByRole('button', { name: 'Close ticket' }).click();
	await expect(page.getByLabel('Status')).toHaveValue('closed');
});
