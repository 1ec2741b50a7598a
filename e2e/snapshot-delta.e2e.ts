import { expect, test, type Page } from '@playwright/test';
import { CustomerFormPage, CustomerListPage } from './pages/customers';
import { nameMe } from './pages/profile';
import { SharePage, teammate } from './pages/snapshot';

/**
 * "Send my changes": a full file first, then files of only what changed, applied by a teammate in
 * a browser context of their own. A file that never arrives is named by whose changes and of
 * when, the later ones still apply, and a full file heals the hole.
 */
test.describe.configure({ timeout: 600_000 });

const MISSING = /Li Na’s changes of .+ are missing: ask Li Na for them, or for a full file\./;

async function expectCustomer(page: Page, name: string, present: boolean): Promise<void> {
	const list = new CustomerListPage(page);
	await list.goto();
	await expect(list.row(name)).toHaveCount(present ? 1 : 0, { timeout: 30_000 });
}

test('a teammate applies only what changed, is told of a missing file, and a full file heals it', async ({
	browser
}) => {
	const li = await teammate(browser);
	const wang = await teammate(browser);
	await nameMe(li, 'Li Na');
	const form = new CustomerFormPage(li);
	await form.create({ name: '甲方 Alpha', city: 'Beijing' });
	for (let i = 0; i < 5; i++) await form.create({ name: `Filler ${i}`, city: 'Tianjin' });

	const shareLi = new SharePage(li);
	await shareLi.goto();
	const send = li.getByRole('region', { name: 'Send my changes' });
	await expect(send.getByTestId('send-last')).toHaveText(
		'Nothing sent to them yet: the first file is a full one.'
	);
	const full = await shareLi.sendChanges();
	expect(full.name).toMatch(/^rapport-Li_Na-full-\d{4}-\d{2}-\d{2}\.rapport$/);
	await expect(send.getByTestId('send-last')).toContainText('Last file for them:');

	const shareWang = new SharePage(wang);
	await shareWang.goto();
	await shareWang.importFile(full);
	await expectCustomer(wang, 'Alpha', true);

	// A change, then my changes: a small file that carries only it.
	await form.create({ name: '乙方 Beta', city: 'Shanghai' });
	await shareLi.goto();
	const second = await shareLi.sendChanges();
	expect(second.name).toContain('-changes-');
	expect(second.buffer.length).toBeLessThan(full.buffer.length);
	await form.create({ name: '丙方 Gamma', city: 'Guangzhou' });
	await shareLi.goto();
	const third = await shareLi.sendChanges();

	// The second file never reaches Wang: the third still applies, and the hole is named.
	await shareWang.goto();
	await shareWang.choose(third);
	await expect(wang.getByTestId('snapshot-range')).toContainText('Carries: what changed since');
	await expect(shareWang.previewRow('Customers')).toContainText('1');
	await expect(wang.getByTestId('preview-missing')).toContainText(MISSING);
	await shareWang.apply();
	await expectCustomer(wang, 'Gamma', true);
	await expectCustomer(wang, 'Beta', false);
	await shareWang.goto();
	const missing = wang.getByRole('region', { name: 'Missing changes' });
	await expect(missing.getByTestId('missing-changes')).toHaveText(MISSING);
	// Beside Li Na in the team list too.
	await wang.goto('/settings');
	await expect(wang.getByTestId('missing-changes')).toHaveText(MISSING);

	// Wang asks for a full file: it heals the hole.
	await shareLi.goto();
	const healing = await shareLi.sendChanges({ full: true });
	await shareWang.goto();
	await shareWang.choose(healing);
	await expect(wang.getByTestId('snapshot-range')).toHaveText('Carries: everything (a full file)');
	await expect(shareWang.previewRow('Customers')).toContainText('1');
	await shareWang.apply();
	await expect(missing).toHaveCount(0);
	await expectCustomer(wang, 'Beta', true);
});

test('files that repeat or overlap apply once, and one from a device never heard of lists a hole from the start', async ({
	browser
}) => {
	const li = await teammate(browser);
	const wang = await teammate(browser);
	const zhao = await teammate(browser);
	await nameMe(li, 'Li Na');
	const form = new CustomerFormPage(li);
	await form.create({ name: '甲方 Alpha', city: 'Beijing' });
	const shareLi = new SharePage(li);
	await shareLi.goto();
	const full = await shareLi.sendChanges();
	await form.create({ name: '乙方 Beta', city: 'Shanghai' });
	await shareLi.goto();
	// Not saved: the next file carries Beta again.
	const unsaved = await shareLi.sendChanges({ saved: false });
	await form.create({ name: '丙方 Gamma', city: 'Guangzhou' });
	await shareLi.goto();
	const overlapping = await shareLi.sendChanges();

	const shareWang = new SharePage(wang);
	await shareWang.goto();
	await shareWang.importFile(full);
	await shareWang.importFile(unsaved);
	await shareWang.choose(overlapping);
	// Beta arrived already: only Gamma is new.
	const cells = shareWang.previewRow('Customers').getByRole('cell');
	await expect(cells.nth(0)).toHaveText('1');
	await expect(cells.nth(4)).toHaveText('1');
	await shareWang.apply();
	await shareWang.goto();
	await shareWang.choose(overlapping);
	await expect(wang.getByTestId('already-imported')).toBeVisible({ timeout: 60_000 });
	await expect(wang.getByRole('region', { name: 'Missing changes' })).toHaveCount(0);

	// Zhao never had a file from Li Na: the file of changes applies, and what came before it is
	// missing.
	const shareZhao = new SharePage(zhao);
	await shareZhao.goto();
	await shareZhao.importFile(overlapping);
	await expectCustomer(zhao, 'Gamma', true);
	await shareZhao.goto();
	await expect(
		zhao.getByRole('region', { name: 'Missing changes' }).getByTestId('missing-changes')
	).toHaveText(/Li Na’s changes up to .+ are missing: ask Li Na for them, or for a full file\./);
});
