import { expect, test, type Page } from '@playwright/test';
import { CustomerFormPage } from './pages/customers';
import { nameMe } from './pages/profile';
import { BatchSection, cutShort } from './pages/snapshot-batch';
import { SharePage, teammate } from './pages/snapshot';
import { open } from './support/app';
import { seriousViolations } from './support/axe';
import { readStore } from './support/idb';

/**
 * The operations center's week: two managers send their files, and the lead merges them all at
 * once, with a file cut short, a copy of another, a file with no whole copy and an encrypted
 * one. One preview names the files set aside, one Apply merges the rest (checked in the lead's
 * IndexedDB), one Undo takes them all back.
 */
test.describe.configure({ timeout: 600_000 });

const customerNames = async (page: Page) =>
	(await readStore<{ name: string }>(page, 'customers')).map((c) => c.name).sort();

test('the lead merges many files at once, the bad ones named, and undoes them as one', async ({
	browser
}) => {
	const li = await teammate(browser);
	const wang = await teammate(browser);
	const lead = await teammate(browser);
	await nameMe(li, 'Li Na');
	await nameMe(wang, 'Wang Wei');

	const liForm = new CustomerFormPage(li);
	await liForm.create({ name: 'Alpha Trading', city: 'Beijing' });
	const shareLi = new SharePage(li);
	await shareLi.goto();
	const liFull = await shareLi.sendChanges();
	await liForm.create({ name: 'Beta Foods', city: 'Shanghai' });
	await shareLi.goto();
	const liChanges = await shareLi.sendChanges();
	// A plain export of everything, which reaches the lead only cut short.
	const broken = cutShort(await shareLi.exportFile(), 'broken.rapport');

	await new CustomerFormPage(wang).create({ name: 'Gamma Steel', city: 'Guangzhou' });
	const shareWang = new SharePage(wang);
	await shareWang.goto();
	const wangFile = await shareWang.exportFile({ passphrase: 'week 49 secret' });

	const shareLead = new SharePage(lead);
	await shareLead.goto();
	const before = await customerNames(lead);
	const batch = new BatchSection(lead);
	await batch.choose([
		liChanges,
		wangFile,
		cutShort(liChanges, 'cut.rapport'),
		liFull,
		{ ...liFull, name: 'li-again.rapport' },
		broken
	]);
	await expect(batch.section.getByTestId('batch-locked')).toHaveText(
		`“${wangFile.name}” is encrypted (1 of 1).`
	);
	await batch.unlock('week 49 secret');

	await expect(batch.preview).toBeVisible({ timeout: 60_000 });
	// Li Na: herself and Alpha (full file), Beta (changes); Wang Wei: himself and Gamma.
	expect(await batch.cells('Li Na')).toEqual(['2', '3', '0', '0', '0', 'None']);
	expect(await batch.cells('Wang Wei')).toEqual(['1', '2', '0', '0', '0', 'None']);
	await expect(batch.refused.getByRole('listitem')).toHaveText([
		`cut.rapport: an incomplete copy of “${liChanges.name}” (cut short); the complete one is applied.`,
		`li-again.rapport: the same file as “${liFull.name}”, applied once.`,
		'broken.rapport: The file is incomplete (cut short while copying or downloading).'
	]);
	expect(await seriousViolations(lead, '[aria-labelledby="snap-batch"]')).toEqual([]);
	// Nothing is written before Apply.
	expect(await customerNames(lead)).toEqual(before);

	await batch.apply(3);
	await expect(batch.status).toHaveText(
		'Merged 3 files: 5 new, 0 updated, 0 deleted, 0 conflicts.'
	);
	expect(await customerNames(lead)).toEqual(
		[...before, 'Alpha Trading', 'Beta Foods', 'Gamma Steel'].sort()
	);
	const members = (await readStore<{ name: string }>(lead, 'members')).map((m) => m.name);
	expect(members).toEqual(expect.arrayContaining(['Li Na', 'Wang Wei']));
	const logged = await readStore<{ action: string; detail: { batch?: { group: string } } }>(
		lead,
		'audit'
	);
	const imports = logged.filter((a) => a.action === 'snapshot_import');
	expect(imports).toHaveLength(3);
	expect(new Set(imports.map((a) => a.detail.batch?.group)).size).toBe(1);

	await batch.undo(3);
	expect(await customerNames(lead)).toEqual(before);
	const names = (await readStore<{ name: string }>(lead, 'members')).map((m) => m.name);
	expect(names).not.toContain('Li Na');
	expect(names).not.toContain('Wang Wei');
});

test('Cancel after the preview of many files leaves nothing staged', async ({ browser }) => {
	const li = await teammate(browser);
	const form = new CustomerFormPage(li);
	await form.create({ name: 'Delta Paper', city: 'Tianjin' });
	const share = new SharePage(li);
	await share.goto();
	const file = await share.exportFile();
	const lead = await teammate(browser);
	await new SharePage(lead).goto();
	const batch = new BatchSection(lead);
	await batch.choose([file]);
	await expect(batch.preview).toBeVisible({ timeout: 60_000 });
	await batch.section.getByRole('button', { name: 'Cancel' }).click();
	await expect(batch.preview).toHaveCount(0);
	expect(await readStore(lead, 'imports')).toEqual([]);
	expect(await readStore(lead, 'importBatches')).toEqual([]);
	expect((await readStore<{ name: string }>(lead, 'customers')).map((c) => c.name)).not.toContain(
		'Delta Paper'
	);
});

test.describe('in Chinese', () => {
	test.use({ locale: 'zh-CN' });
	test('the batch section speaks Chinese and has no serious axe findings', async ({ page }) => {
		await open(page, '/share');
		const section = page.getByRole('region', { name: '一次合并多个文件' });
		await expect(section.getByLabel('选择文件')).toBeVisible();
		await expect(section.getByTestId('batch-drop')).toHaveText('将文件或文件夹拖到这里');
		expect(await seriousViolations(page, '[aria-labelledby="snap-batch"]')).toEqual([]);
	});
});
