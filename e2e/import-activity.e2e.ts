import { expect, test } from '@playwright/test';
import { CustomerListPage } from './pages/customers';
import { csvFile, ImportPage } from './pages/imports';

test.use({ locale: 'en-US' });
// Each test imports several files; the shared 2-core machine can be slow.
test.describe.configure({ timeout: 240_000 });

const customers = csvFile(
	'customers.csv',
	'Name,Phone,Email,Company,Contact person,Contact job title\n' +
		'王五,13812345678,wang@example.cn,,,\n' +
		'Acme Robotics,,buy@acme.example,Acme Robotics,Jane Doe,Buyer\n'
);

test('interactions and orders link to stored customers by email, phone or name; unknown keys are rejected', async ({
	page
}) => {
	const imp = new ImportPage(page);
	await imp.goto();
	await imp.importFile(customers);

	const log = csvFile(
		'log.csv',
		'客户,类型,时间,内容\n' +
			'王五,电话,2024-03-01 10:30,介绍新品\n' +
			'13812345678,拜访,2024-03-02 09:00,上门演示\n' +
			'buy@acme.example,邮件,2024-03-03 08:00,发报价\n' +
			'李四,电话,2024-03-04 10:00,无此客户\n'
	);
	await imp.goto();
	await imp.target('Interactions');
	await imp.choose(log);
	await expect(page.getByLabel('客户')).toHaveValue('customerKey');
	await expect(page.getByLabel('时间')).toHaveValue('at');
	await imp.check();
	await expect(imp.counts).toContainText('New records: 3');
	await expect(imp.counts).toContainText('Rejected: 1');
	await expect(
		page.getByText('Row 5: no stored customer has this id, email, phone or name')
	).toBeVisible();
	await imp.commit();

	// The same log again: nothing is logged twice.
	await imp.goto();
	await imp.target('Interactions');
	await imp.choose(log);
	await imp.check();
	await expect(imp.counts).toContainText('New records: 0');
	await expect(imp.counts).toContainText('Skipped (already stored): 3');

	await imp.goto();
	await imp.target('Orders');
	await imp.importFile(
		csvFile(
			'orders.csv',
			'客户,日期,金额,产品\nwang@example.cn,2024-01-05,-50,退款\n王五,2024/1/6,"¥1,234.50",维保服务\n'
		)
	);

	const list = new CustomerListPage(page);
	await list.goto();
	await list.row('王五').getByRole('link').click();
	await expect(page.getByRole('heading', { level: 1, name: '王五' })).toBeVisible();
	await expect(page.getByText('介绍新品')).toBeVisible();
	await expect(page.getByText('上门演示')).toBeVisible();
	await expect(page.getByText('无此客户')).toHaveCount(0);
	const orders = page.getByTestId('purchase-history');
	await expect(orders).toContainText('-¥50.00');
	await expect(orders).toContainText('1,234.50');

	// A company with its contact person.
	await list.goto();
	await list.row('Acme Robotics').getByRole('link').click();
	const contacts = page.getByRole('region', { name: 'Contact people' });
	await expect(contacts).toContainText('Jane Doe');
	await expect(contacts).toContainText('Buyer');
	await expect(page.getByText('发报价')).toBeVisible();
});

test('a mapping saved as a template is offered again for a file with the same columns', async ({
	page
}) => {
	const file = csvFile('t.csv', 'Kunde,Telefon,Bemerkung\nMax Muster,13900001111,VIP\n');
	const imp = new ImportPage(page);
	await imp.goto();
	await imp.choose(file);
	const mapping = page.getByRole('region', { name: '3. Match the columns' });
	await expect(page.getByTestId('import-template')).toHaveCount(0);
	await mapping.getByLabel('Kunde').selectOption('name');
	await mapping.getByLabel('Telefon').selectOption('phone');
	await mapping.getByLabel('Bemerkung').selectOption('notes');
	await page.getByRole('button', { name: 'Save this mapping as a template' }).click();
	await expect(page.getByText('Mapping saved.')).toBeVisible();

	await page.reload();
	await imp.choose(file);
	await expect(page.getByTestId('import-template')).toContainText('A mapping you saved');
	await expect(mapping.getByLabel('Kunde')).toHaveValue('');
	await page.getByRole('button', { name: 'Use the saved mapping' }).click();
	await expect(mapping.getByLabel('Kunde')).toHaveValue('name');
	await expect(mapping.getByLabel('Telefon')).toHaveValue('phone');
	await expect(mapping.getByLabel('Bemerkung')).toHaveValue('notes');
	await imp.check();
	await imp.commit();
	const list = new CustomerListPage(page);
	await list.goto();
	await expect(list.row('Max Muster')).toContainText('139 0000 1111');
});

test('hostile cells are stored and shown as plain text, never run', async ({ page }) => {
	const dialogs: string[] = [];
	page.on('dialog', (d) => {
		dialogs.push(d.message());
		void d.dismiss();
	});
	const long = '长'.repeat(20_000);
	const tooLong = 'x'.repeat(100_001);
	const imp = new ImportPage(page);
	await imp.goto();
	await imp.choose(
		csvFile(
			'evil.csv',
			'Name,Email,WeChat,Address,Notes,Website\n' +
				'<img src=x onerror=alert(1)>,javascript:alert(1)//@x.cn,javascript:alert(3),' +
				'"<a href=""javascript:alert(4)"">click</a>","<script>alert(2)</script>",javascript:alert(1)\n' +
				`Long One,,,,${long},\n` +
				`Too Long,,,,${tooLong},\n`
		)
	);
	await imp.check();
	await expect(
		page.getByText('Row 4: column “Notes” has a cell over 100,000 characters')
	).toBeVisible();
	await imp.commit();

	const list = new CustomerListPage(page);
	await list.goto();
	await expect(list.rows()).toHaveCount(2);
	await list.row('Long One').getByRole('link').click();
	// A 20,000-character note is kept whole, as plain text.
	await expect(page.getByText(long)).toBeVisible();
	await list.goto();
	await list.row('<img src=x onerror=alert(1)>').getByRole('link').click();
	await expect(
		page.getByRole('heading', { level: 1, name: '<img src=x onerror=alert(1)>' })
	).toBeVisible();
	await expect(page.getByText('<script>alert(2)</script>')).toBeVisible();
	await expect(page.getByText('<a href="javascript:alert(4)">click</a>')).toBeVisible();
	await expect(page.locator('img[src="x"]')).toHaveCount(0);
	await expect(page.locator('script', { hasText: 'alert' })).toHaveCount(0);
	const hrefs = await page
		.locator('a[href]')
		.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
	expect(hrefs.length).toBeGreaterThan(0);
	expect(hrefs.filter((h) => /^\s*javascript:/i.test(h))).toEqual([]);
	expect(dialogs).toEqual([]);
});

test('an imported contact with a coming "next follow-up" date gets its follow-up task; an old one does not', async ({
	page
}) => {
	const imp = new ImportPage(page);
	await imp.goto();
	await imp.importFile(customers);
	const now = new Date();
	const today = [now.getFullYear(), now.getMonth() + 1, now.getDate()]
		.map((n) => String(n).padStart(2, '0'))
		.join('-');
	await imp.goto();
	await imp.target('Interactions');
	await imp.choose(
		csvFile(
			'log.csv',
			'客户,类型,时间,内容,下次跟进\n' +
				`王五,电话,2024-03-01 10:30,约定今天回访,${today}\n` +
				'buy@acme.example,邮件,2024-03-03 08:00,旧的跟进,2024-03-10\n'
		)
	);
	await expect(page.getByLabel('下次跟进')).toHaveValue('nextFollowUp');
	await imp.check();
	await expect(imp.counts).toContainText('New records: 2');
	await imp.commit();

	await page.goto('/tasks');
	await page.getByRole('button', { name: /^Today/ }).click();
	const list = page.getByRole('list', { name: 'Today' });
	await expect(list.getByRole('listitem')).toHaveCount(1);
	await expect(list.getByRole('listitem')).toContainText('约定今天回访');
	await page.reload();
	await page.getByRole('button', { name: /^Overdue/ }).click();
	await expect(page.getByText('旧的跟进')).toHaveCount(0);
});
