import { expect, test, type Page } from '@playwright/test';
import { CustomerDetailPage, CustomerListPage } from './pages/customers';
import { csvFile, ImportPage } from './pages/imports';

test.use({ locale: 'en-US' });
test.describe.configure({ timeout: 180_000 });

/** Opens the customer named `name` from the list. */
async function openCustomer(page: Page, name: string): Promise<void> {
	const list = new CustomerListPage(page);
	await list.goto();
	await list.search.fill(name);
	await list.row(name).first().getByRole('link').click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test('"Overwrite" with a Name and Phone file changes names and phones only, as its preview said', async ({
	page
}) => {
	const imp = new ImportPage(page);
	await imp.goto();
	await imp.importFile(
		csvFile(
			'crm.csv',
			'Name,Phone,Type,Stage,Source\n' +
				'Blue Harbor,13800000101,company,customer,referral\n' +
				'Li Na,13800000102,person,loyal,exhibition\n' +
				'Acme Trading Ltd,13800000103,company,prospect,website\n'
		)
	);

	await imp.goto();
	await imp.choose(
		csvFile(
			'update.csv',
			'Name,Phone\n' +
				'Blue Harbor,13800000101\n' +
				'Li Na Wang,13800000102\n' +
				'Acme Trading Ltd,13900000109\n' +
				'New One,13700000000\n'
		)
	);
	await imp.check();
	await imp.strategy('Fill only empty fields');
	await expect(imp.changes()).toHaveText(['Name: 0', 'Phone: 0']);
	await imp.strategy('Overwrite with the file');
	await expect(imp.counts).toContainText('Updated: 3');
	await expect(imp.changes()).toHaveText(['Name: 1', 'Phone: 1']);
	await imp.commit();

	const detail = new CustomerDetailPage(page);
	const expected: [string, string, string, string][] = [
		['Blue Harbor', 'Company', 'Customer', 'Referral'],
		['Li Na Wang', 'Person', 'Loyal', 'Exhibition'],
		['Acme Trading Ltd', 'Company', 'Prospect', 'Website'],
		// A new record takes the defaults.
		['New One', 'Person', 'Lead', 'Import']
	];
	for (const [name, kind, stage, source] of expected) {
		await openCustomer(page, name);
		await expect(detail.profileValue('Type')).toHaveText(kind);
		await expect(detail.profileValue('Stage')).toHaveText(stage);
		await expect(detail.profileValue('Source channel')).toHaveText(source);
	}
	await openCustomer(page, 'Acme Trading Ltd');
	await expect(page.locator('a[href="tel:+8613900000109"]')).toBeVisible();
	await expect(page.locator('a[href="tel:+8613800000103"]')).toHaveCount(0);
});
