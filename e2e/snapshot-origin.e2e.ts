import { expect, test, type Page } from '@playwright/test';
import { CustomerDetailPage, CustomerFormPage } from './pages/customers';
import { SharePage, teammate } from './pages/snapshot';

/**
 * The operations lead sees which member each record came from ("from: <member>") once a
 * teammate's snapshot is merged; an account manager's view does not show the line.
 */
async function setProfile(page: Page, name: string, role: string): Promise<void> {
	await page.goto('/settings');
	const profile = page.getByRole('region', { name: 'My profile' });
	const nameBox = profile.getByLabel('Name');
	await expect(nameBox).toBeEnabled({ timeout: 60_000 });
	await nameBox.fill(name);
	await profile.getByLabel('Role').selectOption({ label: role });
	await profile.getByRole('button', { name: 'Save' }).click();
	await expect(profile.getByRole('status')).toHaveText('Profile saved.', { timeout: 60_000 });
}

test('an operations lead sees which teammate a customer came from', async ({ browser }) => {
	test.slow();
	const a = await teammate(browser);
	const b = await teammate(browser);
	await setProfile(a, '王经理 Wang', 'Account manager');
	const id = await new CustomerFormPage(a).create({ name: '来源 Origin' });
	const shareA = new SharePage(a);
	await shareA.goto();
	const file = await shareA.exportFile();

	await setProfile(b, '李主管 Li', 'Account manager');
	const shareB = new SharePage(b);
	await shareB.goto();
	await shareB.importFile(file);
	const origin = b.getByTestId('record-origin');

	// As an account manager, B sees the customer but not where it came from.
	const detail = new CustomerDetailPage(b);
	await detail.goto(id);
	await expect(b.getByRole('heading', { level: 1 })).toContainText('来源 Origin', {
		timeout: 60_000
	});
	await expect(origin).toHaveCount(0);

	// As the operations lead, the line names A.
	await setProfile(b, '李主管 Li', 'Operations lead');
	await detail.goto(id);
	await expect(origin).toHaveText('from: 王经理 Wang', { timeout: 60_000 });

	// B's own customers carry no such line.
	const own = await new CustomerFormPage(b).create({ name: '自己 Own' });
	await detail.goto(own);
	await expect(b.getByRole('heading', { level: 1 })).toContainText('自己 Own', {
		timeout: 60_000
	});
	await expect(origin).toHaveCount(0);
});
