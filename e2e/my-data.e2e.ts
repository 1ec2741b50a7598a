import { expect, test } from '@playwright/test';
import { createCustomer } from './pages/customers';
import { downloadText } from './support/app';
import { putRecords } from './support/idb';
import { addTeammates } from './support/team';

test.use({ locale: 'en-US' });

interface MyDataFile {
	format: string;
	memberId: string;
	records: Record<string, { id: string; ownerId?: string; memberId?: string; name?: string }[]>;
}

test('a member downloads what is kept about them, and nothing of a colleague', async ({ page }) => {
	await createCustomer(page, 'My Customer');
	await page.goto('/goals');
	const form = page.getByRole('form', { name: 'New goal' });
	await form.getByLabel('Metric').selectOption({ label: 'Sales amount' });
	await form.getByLabel('Target').fill('10000');
	await form.getByRole('button', { name: 'Add goal' }).click();
	await expect(page.getByTestId('goal')).toHaveCount(1);

	// A colleague's goal, as a lead's backup restored here would hold it.
	const [wang] = await addTeammates(page, ['Wang Wei']);
	const now = await page.evaluate(() => Date.now());
	const wall = String(now - 30_000).padStart(15, '0');
	await putRecords(page, 'goals', [
		{
			id: `goal:${wang}:sales_amount:month:2026-03-01`,
			ownerId: wang,
			metric: 'sales_amount',
			periodKind: 'month',
			periodStart: '2026-03-01',
			target: 5,
			setBy: wang,
			trashedAt: null,
			_meta: {
				created: { hlc: `${wall}:0000:otherdevice`, by: wang },
				updated: `${wall}:0000:otherdevice`
			}
		}
	]);

	await page.goto('/settings');
	const section = page.getByRole('region', { name: 'My data' });
	const file = await downloadText(page, () =>
		section.getByRole('button', { name: 'Download my data' }).click()
	);
	expect(file.name).toMatch(/^rapport-my-data-\d{4}-\d{2}-\d{2}\.json$/);
	await expect(section.getByRole('status')).toHaveText(`Downloaded ${file.name}.`);
	const data = JSON.parse(file.text) as MyDataFile;
	expect(data.format).toBe('rapport-my-data');
	expect(data.records.members?.map((m) => m.id)).toEqual([data.memberId]);
	expect(data.records.goals?.map((g) => g.ownerId)).toEqual([data.memberId]);
	expect(data.records).not.toHaveProperty('customers');
	expect(file.text).not.toContain(wang);
	expect(file.text).not.toContain('My Customer');
});
