import { expect, test } from '@playwright/test';

test.use({ locale: 'en-US' });

// The deal and ticket forms, refused empty: both need a customer and a title (a deal an amount).
for (const f of [
	{
		path: '/deals/new',
		form: 'Deal details',
		submit: 'Create deal',
		title: 'Deal',
		others: ['Amount: Enter a valid amount and currency.']
	},
	{
		path: '/tickets/new',
		form: 'Ticket details',
		submit: 'Create ticket',
		title: 'Subject',
		others: []
	}
]) {
	test(`a refused ${f.form.toLowerCase()} form shows a focused error summary whose links focus the fields`, async ({
		page
	}) => {
		await page.goto(f.path);
		const form = page.getByRole('form', { name: f.form });
		const title = form.getByLabel(f.title, { exact: true });
		const customer = form.getByLabel('Customer', { exact: true });
		await expect(form.getByRole('group')).toHaveCount(0);

		await form.getByRole('button', { name: f.submit }).click();
		const summary = form.getByRole('group', { name: 'Please correct the following:' });
		await expect(summary).toBeFocused();
		await expect(summary.getByRole('link')).toHaveText([
			'Customer: Choose a customer.',
			`${f.title}: Enter a title.`,
			...f.others
		]);
		// Each field says the same next to it, and is marked invalid.
		await expect(title).toHaveAttribute('aria-invalid', 'true');
		await expect(title).toHaveAccessibleDescription('Enter a title.');
		await expect(customer).toHaveAccessibleDescription('Choose a customer.');

		// A click on an error focuses its field and stays on the page.
		await summary.getByRole('link', { name: `${f.title}: Enter a title.` }).click();
		await expect(title).toBeFocused();
		await expect(page).toHaveURL(new RegExp(`${f.path}$`));
		// So does the keyboard: from the summary, Tab reaches the first error, Enter follows it.
		await summary.focus();
		await page.keyboard.press('Tab');
		await expect(summary.getByRole('link').first()).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(customer).toBeFocused();

		// The errors change only on the next submit, as in every form.
		await title.fill('Chiller service');
		await expect(title).toHaveAttribute('aria-invalid', 'true');
		await form.getByRole('button', { name: f.submit }).click();
		await expect(summary.getByRole('link')).toHaveText([
			'Customer: Choose a customer.',
			...f.others
		]);
		await expect(title).not.toHaveAttribute('aria-invalid');
		await expect(summary).toBeFocused();
	});
}

test('the export form checks the repeated passphrase on submit, like every form', async ({
	page
}) => {
	await page.goto('/share');
	const section = page.getByRole('region', { name: 'Export a snapshot' });
	await section.getByLabel('Passphrase (optional)').fill('correct horse');
	const repeat = section.getByLabel('Repeat the passphrase');
	await repeat.fill('correct hose');
	await expect(repeat).not.toHaveAttribute('aria-invalid');

	await section.getByRole('button', { name: 'Export and download' }).click();
	const summary = section.getByRole('group', { name: 'Please correct the following:' });
	await expect(summary).toBeFocused();
	await expect(summary.getByRole('link')).toHaveText([
		'Repeat the passphrase: The two passphrases differ.'
	]);
	await expect(repeat).toHaveAccessibleDescription('The two passphrases differ.');
	await summary.getByRole('link').click();
	await expect(repeat).toBeFocused();
	await expect(section.getByTestId('export-status')).toHaveText('');
});
