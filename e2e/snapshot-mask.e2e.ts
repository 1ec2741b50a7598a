import { expect, test } from '@playwright/test';
import { CustomerFormPage, CustomerListPage } from './pages/customers';
import { SharePage, teammate } from './pages/snapshot';

test.describe.configure({ timeout: 300_000 });

test('a file exported with every mask on imports in another browser with no record refused', async ({
	browser
}) => {
	const a = await teammate(browser);
	const form = new CustomerFormPage(a);
	await form.gotoNew();
	await form.fill({
		name: '张三 Zhang San',
		phones: ['13800138000'],
		emails: ['zhang@example.com']
	});
	await a.getByLabel('WeChat', { exact: true }).fill('zs_wechat');
	await a.getByLabel('Address', { exact: true }).fill('北京市朝阳区某路1号');
	await a.getByLabel('Birthday', { exact: true }).fill('1990-05-01');
	await a.getByLabel('Needs', { exact: true }).fill('年度合同');
	await a.getByLabel('Notes', { exact: true }).fill('只在上午接电话');
	await form.save();
	await a.waitForURL(/\/customers\/(?!new)[^/]+$/);
	const log = a.getByRole('form', { name: 'Log contact' });
	await log.getByLabel('Summary').fill('和张三谈了续约');
	await log.getByRole('button', { name: 'Log contact' }).click();
	await expect(a.getByRole('region', { name: 'Timeline' })).toContainText('续约');

	const shareA = new SharePage(a);
	await shareA.goto();
	const masks = shareA.exportSection.getByRole('group', {
		name: 'Mask when the file leaves the team'
	});
	for (const option of [
		/Names/,
		/Phone numbers/,
		/Email addresses/,
		/WeChat/,
		/Addresses/,
		/Birthdays/,
		/Notes/,
		/Contact summaries/
	])
		await expect(masks.getByRole('checkbox', { name: option })).toBeVisible();
	const file = await shareA.exportFile({ maskAll: true });

	const b = await teammate(browser);
	const shareB = new SharePage(b);
	await shareB.goto();
	await shareB.choose(file);
	await expect(shareB.previewRow('Customers')).toContainText('1', { timeout: 60_000 });
	await expect(shareB.preview).not.toContainText('could not be read');
	await shareB.apply();
	const list = new CustomerListPage(b);
	await list.goto();
	await expect(list.row('张***')).toHaveCount(1);
	await expect(list.rows()).not.toContainText('Zhang San');
});
