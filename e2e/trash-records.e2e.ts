import { expect, test, type Page } from '@playwright/test';
import { CustomerDetailPage, CustomerListPage } from './pages/customers';
import { csvFile, ImportPage } from './pages/imports';
import { TrashPage } from './pages/trash';
import { seriousViolations } from './support/axe';
import { deleteRecords, putRecords, readStore } from './support/idb';

test.use({ locale: 'en-US' });
// Two imports, an undo and the trash on the shared 2-core machine.
test.describe.configure({ timeout: 240_000 });

const customers = csvFile(
	'customers.csv',
	'Name,Phone,Email\n王五,13812345678,wang@example.cn\nAcme Robotics,,buy@acme.example\n'
);
// One call brings a follow-up task: its date is years ahead, so it is never overdue.
const log = csvFile(
	'log.csv',
	'客户,类型,时间,内容,下次跟进\n' +
		'王五,电话,2024-03-01 10:30,介绍新品,\n' +
		'13812345678,拜访,2024-03-02 09:00,上门演示,2099-06-01\n' +
		'buy@acme.example,邮件,2024-03-03 08:00,发报价,\n'
);

/** Imports the customers and the log, then undoes the log: its calls go to the trash. */
async function importAndUndoLog(page: Page): Promise<void> {
	const imp = new ImportPage(page);
	await imp.goto();
	await imp.importFile(customers);
	await imp.goto();
	await imp.target('Interactions');
	await imp.choose(log);
	await imp.check();
	await imp.commit();
	await imp.goto();
	await imp.undo(imp.historyRow('log.csv'));
}

async function openCustomer(page: Page, name: string): Promise<CustomerDetailPage> {
	const list = new CustomerListPage(page);
	await list.goto();
	await list.row(name).getByRole('link').click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	return new CustomerDetailPage(page);
}

test('an undone import’s activities wait in the trash, to be restored or deleted for good', async ({
	page
}) => {
	await importAndUndoLog(page);
	const detail = await openCustomer(page, '王五');
	await expect(page.getByText('Nothing logged yet.')).toBeVisible();

	const trash = new TrashPage(page);
	await trash.goto();
	await expect(trash.entry('Interactions', '介绍新品')).toContainText('王五');
	await expect(trash.entry('Interactions', '介绍新品')).toContainText('30 days');
	await expect(trash.entry('Interactions', '上门演示')).toContainText('王五');
	await expect(trash.entry('Interactions', '发报价')).toContainText('Acme Robotics');
	await expect(trash.kind('Tasks').getByRole('row')).toHaveCount(2); // a header and the task
	await expect(trash.kind('Customers')).toHaveCount(0);
	expect(await seriousViolations(page)).toEqual([]);

	await trash.restore('介绍新品', 'Interactions');
	await expect(trash.status).toContainText('介绍新品');
	await expect(trash.entry('Interactions', '介绍新品')).toHaveCount(0);
	await trash.purge('上门演示', 'Interactions');
	await expect(trash.entry('Interactions', '上门演示')).toHaveCount(0);
	await expect(trash.entry('Interactions', '发报价')).toHaveCount(1);

	// Deleted for good leaves a tombstone, so that no older file brings the call back.
	const calls = await readStore<{ id: string; summary: string }>(page, 'interactions');
	expect(calls.map((c) => c.summary).sort()).toEqual(['介绍新品', '发报价']);
	const tombs = await readStore<{ table: string }>(page, 'tombstones');
	expect(tombs.filter((t) => t.table === 'interactions')).toHaveLength(1);

	await openCustomer(page, '王五');
	await expect(detail.timeline.getByText('介绍新品')).toBeVisible();
	await expect(detail.timeline.getByText('上门演示')).toHaveCount(0);
	await trash.goto();
	await expect(trash.entry('Interactions', '发报价')).toHaveCount(1);
	await expect(trash.entry('Interactions', '上门演示')).toHaveCount(0);
});

test('a call whose customer was erased meanwhile is not restored, and says why', async ({
	page
}) => {
	await importAndUndoLog(page);
	const trash = new TrashPage(page);
	await trash.goto();
	await expect(trash.entry('Interactions', '发报价')).toContainText('Acme Robotics');

	// While the page is open, the customer goes for good elsewhere: only its tombstone is left.
	const all = await readStore<{ id: string; name: string; _meta: { updated: string } }>(
		page,
		'customers'
	);
	const acme = all.find((c) => c.name === 'Acme Robotics')!;
	await deleteRecords(page, 'customers', [acme.id]);
	const [member] = await readStore<{ id: string }>(page, 'members');
	await putRecords(page, 'tombstones', [
		{ table: 'customers', id: acme.id, hlc: acme._meta.updated, by: member!.id }
	]);

	await trash.restore('发报价', 'Interactions');
	await expect(page.getByRole('alert')).toContainText(
		'“发报价” cannot be restored: its customer was deleted for good.'
	);
	const calls = await readStore<{ summary: string; trashedAt: number | null }>(
		page,
		'interactions'
	);
	expect(calls.find((c) => c.summary === '发报价')?.trashedAt).not.toBeNull();
	await page.reload();
	await expect(trash.entry('Interactions', '发报价')).toContainText('deleted for good');
	const list = new CustomerListPage(page);
	await list.goto();
	await expect(list.count()).toHaveText('1 customer');
});
