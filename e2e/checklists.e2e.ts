import { expect, test, type Page } from '@playwright/test';
import { createCustomer, pickCustomer } from './pages/customers';
import { createDeal } from './pages/deals';
import { SharePage, teammate } from './pages/snapshot';
import { nameMe } from './pages/profile';

test.use({ locale: 'en-US', acceptDownloads: true });

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

test('a deal a teammate moved past a required item arrives flagged, not refused', async ({
	page,
	browser
}) => {
	test.setTimeout(180_000);
	// The lead's deal reaches the manager before the lead adds the stage's checklist.
	await nameMe(page, 'Lead Chen');
	await createCustomer(page, 'Flag Foods');
	await createDeal(page, { customer: 'Flag Foods', title: 'Flagged sensors', amount: '900' });
	const lead = new SharePage(page);
	await lead.goto();
	const first = await lead.exportFile();

	const mate = await teammate(browser);
	await nameMe(mate, 'Wang Wei');
	const theirs = new SharePage(mate);
	await theirs.goto();
	await theirs.importFile(first);

	const form = await openChecklists(page);
	await form.getByLabel('Stage').selectOption({ label: 'Lead' });
	await form.getByLabel('Item 1', { exact: true }).fill('Budget confirmed');
	await form.getByRole('button', { name: 'Save checklist' }).click();
	await expect(form.getByRole('status')).toHaveText('Checklist saved.');

	// Without the checklist on their device, the manager moves the deal on.
	await mate.goto('/deals');
	await mate
		.getByLabel('Move “Flagged sensors” to stage')
		.first()
		.selectOption({ label: 'Proposal' });
	await expect(mate.getByTestId('deal-status')).toContainText('Proposal');
	await theirs.goto();
	const back = await theirs.exportFile();

	await lead.goto();
	await lead.importFile(back);
	await page.goto('/deals');
	const board = page.getByTestId('deal-board');
	await expect(board.getByRole('region', { name: 'Proposal' })).toContainText('Flagged sensors');
	await board.locator('li.deal', { hasText: 'Flagged sensors' }).getByRole('link').click();
	const flags = page.getByTestId('checklist-flags');
	await expect(flags).toContainText(
		'Wang Wei moved this deal out of “Lead” on another device without: Budget confirmed.'
	);
	await flags.getByRole('button', { name: 'Dismiss' }).click();
	await expect(flags).toHaveCount(0);
});
