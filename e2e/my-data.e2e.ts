import { expect, test, type Page } from '@playwright/test';
import { createCustomer } from './pages/customers';
import { nameMe } from './pages/profile';
import { chooseRole } from './pages/team';
import { downloadText } from './support/app';
import { seriousViolations } from './support/axe';
import { putRecords, readStore } from './support/idb';
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

/** A review of the first quarter the lead signed, as the lead's file brings it to a device. */
async function signedReview(page: Page, memberId: string, strengths: string): Promise<string> {
	const now = await page.evaluate(() => Date.now());
	const hlc = `${String(now - 60_000).padStart(15, '0')}:0000:leaddevice`;
	const id = `review:${memberId}:quarter:2026-01-01`;
	await putRecords(page, 'reviews', [
		{
			id,
			memberId,
			periodKind: 'quarter',
			periodStart: '2026-01-01',
			scorecard: [],
			kpis: [],
			ratings: [],
			strengths,
			plan: [],
			score: 88,
			notes: '',
			reviewerId: 'the-lead',
			at: now - 120_000,
			leadSignedAt: now - 60_000,
			memberSignedAt: null,
			memberComment: '',
			trashedAt: null,
			_meta: { created: { hlc, by: 'the-lead' }, updated: hlc }
		}
	]);
	return id;
}

test('a manager’s own data holds their review and not a colleague’s', async ({ page }) => {
	await chooseRole(page, 'manager');
	await nameMe(page, 'Zhang Min');
	const [liNa] = await addTeammates(page, ['Li Na']);
	const me = (await readStore<{ id: string; name: string }>(page, 'members')).find(
		(m) => m.name === 'Zhang Min'
	)!.id;
	const mine = await signedReview(page, me, 'Follows up every customer within a day');
	// A colleague's review this device should never hold, but might (an old backup restored).
	const theirs = await signedReview(page, liNa!, 'Closed the Suzhou tender');

	await page.goto('/settings');
	const section = page.getByRole('region', { name: 'My data' });
	await expect(section.getByRole('button', { name: 'Download my data' })).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
	const file = await downloadText(page, () =>
		section.getByRole('button', { name: 'Download my data' }).click()
	);
	const data = JSON.parse(file.text) as MyDataFile;
	expect(data.memberId).toBe(me);
	expect(data.records.reviews).toEqual([expect.objectContaining({ id: mine, memberId: me })]);
	expect(file.text).toContain('Follows up every customer within a day');
	expect(file.text).not.toContain(theirs);
	expect(file.text).not.toContain('Suzhou');
});
