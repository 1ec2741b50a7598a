import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { CustomerListPage } from './pages/customers';
import { csvFile, ImportPage } from './pages/imports';

test.use({ locale: 'en-US' });
// Two installs, three imports each and six exports: slow on the shared 2-core machine.
test.describe.configure({ timeout: 300_000 });

const CUSTOMERS =
	'Name,Phone,Email,Company,Tags,Notes,Needs,City\n' +
	'张三,+86 138 1234 5678,zhang@example.cn,,VIP,"=HYPERLINK(""http://x"",""y"")",-50 退款,北京\n' +
	'"Smith, John\nJr.",+1 415 555 2671,,,"VIP; 华北",@mention,+1 call back,Springfield\n' +
	'北京某某科技有限公司,010-62345678,,,,,,\n';
const LOG =
	'Customer,Type,Date and time,Summary,Outcome\n' +
	'zhang@example.cn,call,2024-03-01 10:30,"介绍新品, 报价",=1+1\n' +
	'"Smith, John\nJr.",visit,2024-03-02 09:00,-demo-,\n';
const ORDERS =
	'Customer,Date,Amount,Currency,Products\n' +
	'zhang@example.cn,2024-01-05 00:00,-50,CNY,退款\n' +
	'+14155552671,2024-01-06 08:15,"1,234.50",USD,"Widget; 维保服务"\n';

async function exportCsv(
	page: Page,
	what:
		| 'These customers, every field'
		| 'These customers, the columns shown'
		| 'Their interactions'
		| 'Their orders',
	encoding: 'UTF-8' | 'GB18030' = 'UTF-8'
): Promise<Buffer> {
	const details = page.locator('details', { hasText: 'Export to CSV' });
	if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open)))
		await details.locator('summary').click();
	// A label's name also holds its select's current option: match its start.
	await details.getByRole('combobox', { name: /^Export/ }).selectOption({ label: what });
	await details.getByLabel('Encoding').selectOption(encoding === 'UTF-8' ? 'utf-8-bom' : 'gb18030');
	const download = page.waitForEvent('download');
	await details.getByRole('button', { name: /^Export \d+ customers to CSV$/ }).click();
	return readFile(await (await download).path());
}

async function sortedList(page: Page): Promise<CustomerListPage> {
	const list = new CustomerListPage(page);
	await list.goto();
	await expect(list.rows()).toHaveCount(3);
	// The same order in both installs (ids differ): by name.
	await page.getByRole('columnheader', { name: /Name/ }).getByRole('button').click();
	return list;
}

test('export with the current search, then export → import elsewhere reproduces the same files', async ({
	page,
	browser
}) => {
	const imp = new ImportPage(page);
	await imp.goto();
	await imp.importFile(csvFile('c.csv', CUSTOMERS));
	await imp.goto();
	await imp.target('Interactions');
	await imp.importFile(csvFile('i.csv', LOG));
	await imp.goto();
	await imp.target('Orders');
	await imp.importFile(csvFile('o.csv', ORDERS));

	const list = await sortedList(page);
	await list.search.fill('张三');
	await expect(list.rows()).toHaveCount(1);
	const one = (await exportCsv(page, 'These customers, every field')).toString('utf8');
	expect(one.startsWith('\uFEFFName,Person or company,Company,Phone,Email')).toBe(true);
	expect(one.split('\r\n').filter(Boolean)).toHaveLength(2);
	expect(one).toContain(`张三,person,,'+8613812345678,zhang@example.cn`);
	// Formula cells are guarded with an apostrophe.
	expect(one).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
	expect(one).toContain(`'-50 退款`);
	// The list's own columns, straight from what it shows (the last contact is the logged call's).
	const shown = (await exportCsv(page, 'These customers, the columns shown')).toString('utf8');
	expect(shown.split('\r\n').filter(Boolean)).toEqual([
		'\uFEFFName,Company,Tier,Stage,City,Phone,Owner,Last contact,Tags',
		expect.stringMatching(/^张三,,,\w+,北京,'\+8613812345678,[^,]*,2024-03-01,VIP$/)
	]);
	await list.search.fill('');
	await expect(list.rows()).toHaveCount(3);

	const first = {
		customers: await exportCsv(page, 'These customers, every field'),
		log: await exportCsv(page, 'Their interactions'),
		orders: await exportCsv(page, 'Their orders')
	};
	expect(first.customers.toString('utf8')).toContain('"Smith, John\nJr."');
	expect(first.orders.toString('utf8')).toContain(`'-50.00,CNY,退款`);
	const gb = await exportCsv(page, 'These customers, every field', 'GB18030');
	expect(gb.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
	expect(new TextDecoder('gb18030').decode(gb)).toBe(
		first.customers.toString('utf8').replace(/^\uFEFF/, '')
	);

	// A fresh install: import the three exported files, then export again.
	const other = await browser.newContext({ locale: 'en-US' });
	const page2 = await other.newPage();
	const imp2 = new ImportPage(page2);
	await imp2.goto();
	await imp2.importFile({ name: 'customers.csv', mimeType: 'text/csv', buffer: first.customers });
	await imp2.goto();
	await imp2.target('Interactions');
	await imp2.importFile({ name: 'log.csv', mimeType: 'text/csv', buffer: first.log });
	await imp2.goto();
	await imp2.target('Orders');
	await imp2.importFile({ name: 'orders.csv', mimeType: 'text/csv', buffer: first.orders });

	const list2 = await sortedList(page2);
	await expect(list2.row('张三')).toContainText('138 1234 5678');
	await expect(list2.row('Smith, John')).toContainText('Springfield');
	const again = {
		customers: await exportCsv(page2, 'These customers, every field'),
		log: await exportCsv(page2, 'Their interactions'),
		orders: await exportCsv(page2, 'Their orders')
	};
	expect(again.customers.toString('utf8')).toBe(first.customers.toString('utf8'));
	expect(again.log.toString('utf8')).toBe(first.log.toString('utf8'));
	expect(again.orders.toString('utf8')).toBe(first.orders.toString('utf8'));
	expect(again.customers.equals(first.customers)).toBe(true);
	await other.close();
});

test.describe('in Chinese', () => {
	test.use({ locale: 'zh-CN' });

	test('GB18030 chosen on one list holds for the other lists’ exports', async ({ page }) => {
		await page.goto('/deals');
		const encoding = page.getByRole('combobox', { name: /^编码/ });
		await expect(encoding).toHaveValue('utf-8-bom');
		const utf8 = page.waitForEvent('download');
		await page.getByRole('button', { name: '导出 CSV' }).click();
		const a = await readFile(await (await utf8).path());
		expect([...a.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		await encoding.selectOption('gb18030');

		await page.goto('/tasks');
		await expect(page.getByRole('combobox', { name: /^编码/ })).toHaveValue('gb18030');
		await page.goto('/deals');
		const gb = page.waitForEvent('download');
		await page.getByRole('button', { name: '导出 CSV' }).click();
		const b = await readFile(await (await gb).path());
		expect([...b.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
		const text = new TextDecoder('gb18030').decode(b);
		expect(text).toMatch(/[\u4e00-\u9fff]/);
		expect(text).toBe(a.toString('utf8').replace(/^\uFEFF/, ''));
	});
});
