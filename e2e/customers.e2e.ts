import { expect, test } from '@playwright/test';
import { CustomerDetailPage, CustomerFormPage, CustomerListPage } from './pages/customers';
import { seriousViolations } from './support/axe';

test.use({ locale: 'en-US' });

test('a new customer is saved, survives a reload, and shows in the list', async ({ page }) => {
	const form = new CustomerFormPage(page);
	const id = await form.create({
		name: '王五',
		phones: ['13812345678'],
		emails: ['Wang.Wu@Example.com'],
		city: '杭州'
	});
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: '王五' })).toBeVisible();
	// Phones and emails come back normalised (E.164; the email's domain lower-cased) as safe links.
	await expect(page.getByRole('link', { name: '138 1234 5678' })).toHaveAttribute(
		'href',
		'tel:+8613812345678'
	);
	await expect(page.getByRole('link', { name: 'Wang.Wu@example.com' })).toHaveAttribute(
		'href',
		'mailto:Wang.Wu@example.com'
	);
	const list = new CustomerListPage(page);
	await list.goto();
	await expect(list.rows()).toHaveCount(1);
	await expect(list.row('王五')).toContainText('杭州');
	await expect(list.row('王五')).toContainText('138 1234 5678');
	// Enter on the focused grid opens the active row.
	await list.grid.focus();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(new RegExp(`/customers/${id}$`));
});

test('editing a customer changes the profile', async ({ page }) => {
	const form = new CustomerFormPage(page);
	await form.create({ name: 'Alice Chen', city: 'Shanghai' });
	const detail = new CustomerDetailPage(page);
	await detail.edit();
	await page.getByLabel('City', { exact: true }).fill('Shenzhen');
	await page.getByLabel('Tier').selectOption('A');
	await form.save();
	// Saved once the profile shows it: the edit happens in place, under the same heading.
	const profile = page.getByRole('region', { name: 'Profile' });
	await expect(profile).toContainText('Shenzhen');
	await page.reload();
	await expect(profile).toContainText('Shenzhen');
	await expect(profile).not.toContainText('Shanghai');
	await expect(profile).toContainText('A');
});

test('pinyin initials and phone digits find the right customer', async ({ page }) => {
	const form = new CustomerFormPage(page);
	await form.create({ name: '张三', phones: ['13812345678'] });
	await form.create({ name: '李四', phones: ['13900001111'] });
	const list = new CustomerListPage(page);
	await list.goto();
	await expect(list.rows()).toHaveCount(2);

	await list.search.fill('zs');
	await expect(list.rows()).toHaveCount(1);
	await expect(list.rows().first()).toContainText('张三');
	await expect(list.count()).toHaveText('1 customer');

	await list.search.fill('0000111');
	await expect(list.rows()).toHaveCount(1);
	await expect(list.rows().first()).toContainText('李四');

	await list.search.fill('zhangsan');
	await expect(list.rows()).toHaveCount(1);
	await expect(list.rows().first()).toContainText('张三');

	await list.search.fill('');
	await expect(list.rows()).toHaveCount(2);
});

test('sorting by a column header sets aria-sort and orders the rows', async ({ page }) => {
	const form = new CustomerFormPage(page);
	await form.create({ name: 'Bob', city: 'Beijing' });
	await form.create({ name: 'Amy', city: 'Xiamen' });
	const list = new CustomerListPage(page);
	await list.goto();
	const cityHeader = list.grid.getByRole('columnheader', { name: 'City' });
	await cityHeader.getByRole('button').click();
	await expect(cityHeader).toHaveAttribute('aria-sort', 'ascending');
	await expect(list.rows().first()).toContainText('Bob');
	await cityHeader.getByRole('button').click();
	await expect(cityHeader).toHaveAttribute('aria-sort', 'descending');
	await expect(list.rows().first()).toContainText('Amy');
});

for (const [locale, phoneError, emailError] of [
	['en-US', /phone number/, 'This is not a valid email address.'],
	['zh-CN', /电话号码/, '邮箱地址格式不正确。']
] as const) {
	test.describe(`validation in ${locale}`, () => {
		test.use({ locale });
		test('an invalid phone and email show translated errors and save nothing', async ({ page }) => {
			await page.goto('/customers/new');
			const zh = locale === 'zh-CN';
			await page.getByLabel(zh ? '姓名' : 'Name', { exact: true }).fill('Broken');
			await page.getByRole('button', { name: zh ? '添加电话' : 'Add phone' }).click();
			const phone = page.getByLabel(zh ? '电话 1' : 'Phone 1', { exact: true });
			await phone.fill('12ab');
			await page.getByRole('button', { name: zh ? '添加邮箱' : 'Add email' }).click();
			const email = page.getByLabel(zh ? '邮箱 1' : 'Email 1', { exact: true });
			await email.fill('not-an-email');
			await page.getByRole('button', { name: zh ? '保存' : 'Save', exact: true }).click();

			await expect(phone).toHaveAttribute('aria-invalid', 'true');
			await expect(phone).toHaveAccessibleDescription(phoneError);
			await expect(email).toHaveAttribute('aria-invalid', 'true');
			await expect(email).toHaveAccessibleDescription(emailError);
			await expect(page).toHaveURL(/\/customers\/new$/);

			await page.goto('/customers');
			await expect(
				page.getByRole('heading', { name: zh ? '还没有客户' : 'No customers yet' })
			).toBeVisible();
		});
	});
}

test('the list, the detail page and the form have no serious accessibility violations', async ({
	page
}) => {
	const form = new CustomerFormPage(page);
	await form.gotoNew();
	expect(await seriousViolations(page)).toEqual([]);
	await form.create({ name: 'Axe Test', phones: ['13812345678'], emails: ['axe@example.com'] });
	expect(await seriousViolations(page)).toEqual([]);
	const list = new CustomerListPage(page);
	await list.goto();
	await expect(list.rows()).toHaveCount(1);
	expect(await seriousViolations(page)).toEqual([]);
});
