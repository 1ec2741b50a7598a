import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { nameMe } from './pages/profile';
import { chooseRole } from './pages/team';
import { seriousViolations } from './support/axe';
import { putRecords, readStore } from './support/idb';
import { addTeammates } from './support/team';

test.use({ locale: 'en-US' });

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

test('a manager downloads their own data: their review is in it, a colleague’s is not', async ({
	page
}) => {
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
	await expect(section).toContainText('signed reviews');
	expect(await seriousViolations(page)).toEqual([]);
	const download = page.waitForEvent('download');
	await section.getByRole('button', { name: 'Download my data' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/^rapport-my-data-\d{4}-\d{2}-\d{2}\.json$/);
	await expect(section.getByRole('status')).toHaveText(
		`Download started: ${file.suggestedFilename()}.`
	);

	const text = await readFile(await file.path(), 'utf8');
	const data = JSON.parse(text);
	expect(data).toMatchObject({
		format: 'rapport-member-data',
		version: 1,
		member: { id: me, name: 'Zhang Min', role: 'manager' }
	});
	expect(data.records.reviews).toEqual([
		expect.objectContaining({ id: mine, strengths: 'Follows up every customer within a day' })
	]);
	expect(text).not.toContain(theirs);
	expect(text).not.toContain('Suzhou');
	expect(text).not.toContain('_chg');
});
