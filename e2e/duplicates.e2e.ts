import { expect, test, type Page } from '@playwright/test';
import { watchErrors } from './support/app';
import { CustomerDetailPage, CustomerFormPage, CustomerListPage } from './pages/customers';
import { DuplicatesPage } from './pages/duplicates';

test.use({ locale: 'en-US' });

/** Creates a customer, logs one call on it, and returns its id. */
async function customerWithCall(
	page: Page,
	c: { name: string; phones: string[]; city?: string },
	summary: string
): Promise<string> {
	const id = await new CustomerFormPage(page).create(c);
	await new CustomerDetailPage(page).logContact({ type: 'Call', summary });
	await expect(page.getByRole('status').filter({ hasText: 'Contact logged.' })).toBeVisible();
	return id;
}

async function timelineOf(page: Page, id: string) {
	const detail = new CustomerDetailPage(page);
	await detail.goto(id);
	return detail.timeline;
}

test('one mobile written two ways: merge keeps both timelines, survives a reload, and undoes', async ({
	page
}) => {
	// Many steps (create, log, merge, reload, undo): give a loaded 2-core machine time.
	test.slow();
	const errors = watchErrors(page);
	const first = await customerWithCall(
		page,
		{ name: 'Wang Fang', phones: ['138 0013 8000'], city: 'Hangzhou' },
		'Asked for the spring price list'
	);
	const second = await customerWithCall(
		page,
		{ name: 'Fang Wang', phones: ['+86 13800138000'] },
		'Called back about delivery'
	);

	const list = new CustomerListPage(page);
	await list.goto();
	await expect(list.rows()).toHaveCount(2);
	const dupes = new DuplicatesPage(page);
	await dupes.openFromList();
	const group = dupes.group('Wang Fang');
	await expect(group).toContainText('Fang Wang');
	await expect(group).toContainText('Same mobile or phone');

	const form = await dupes.compare('Wang Fang');
	// The older record is kept by default; its name is replaced by the other one's.
	await expect(form.getByRole('radio', { name: /^Keep record \d \(Wang Fang\)$/ })).toBeChecked();
	await dupes.choose(form, 'Name', /Fang Wang/);
	await expect(
		form.getByRole('group', { name: 'City' }).getByRole('radio', { name: /Hangzhou/ })
	).toBeChecked();
	await form.getByRole('button', { name: 'Merge 2 customers' }).click();
	await expect(dupes.status).toContainText('Merged 2 customers into Fang Wang.', {
		timeout: 15_000
	});
	await expect(page.getByText('No duplicates found among your customers.')).toBeVisible({
		timeout: 15_000
	});

	await dupes.status.getByRole('link', { name: 'Open Fang Wang' }).click();
	await expect(page).toHaveURL(new RegExp(`/customers/${first}$`));
	await expect(page.getByRole('heading', { level: 1, name: 'Fang Wang' })).toBeVisible();
	const timeline = new CustomerDetailPage(page).timeline;
	await expect(timeline).toContainText('Asked for the spring price list');
	await expect(timeline).toContainText('Called back about delivery');

	await list.goto();
	await expect(list.rows()).toHaveCount(1);
	await expect(list.row('Fang Wang')).toHaveCount(1);
	await page.reload();
	await expect(list.rows()).toHaveCount(1);
	await expect(list.row('Wang Fang')).toHaveCount(0);
	const after = await timelineOf(page, first);
	await expect(after).toContainText('Asked for the spring price list');
	await expect(after).toContainText('Called back about delivery');

	// Undo from the history, after the reload.
	await dupes.goto();
	await page.getByRole('button', { name: 'Undo the merge into Fang Wang' }).click();
	await expect(dupes.status).toContainText('Merge undone', { timeout: 15_000 });
	await expect(dupes.group('Wang Fang')).toContainText('Fang Wang', { timeout: 15_000 });

	await list.goto();
	await expect(list.rows()).toHaveCount(2);
	const own = await timelineOf(page, first);
	await expect(page.getByRole('heading', { level: 1, name: 'Wang Fang' })).toBeVisible();
	await expect(own).toContainText('Asked for the spring price list');
	await expect(own).not.toContainText('Called back about delivery');
	const theirs = await timelineOf(page, second);
	await expect(page.getByRole('heading', { level: 1, name: 'Fang Wang' })).toBeVisible();
	await expect(theirs).toContainText('Called back about delivery');
	await expect(theirs).not.toContainText('Asked for the spring price list');
	expect(errors).toEqual([]);
});

test('no duplicates says so; a merge of fewer than two is refused and changes nothing', async ({
	page
}) => {
	test.slow();
	await new CustomerFormPage(page).create({ name: 'Only One', phones: ['139 0013 9000'] });
	const dupes = new DuplicatesPage(page);
	await dupes.goto();
	await expect(page.getByText('No duplicates found among your customers.')).toBeVisible({
		timeout: 15_000
	});

	await new CustomerFormPage(page).create({ name: 'Only Two', phones: ['13900139000'] });
	await dupes.goto();
	const form = await dupes.compare('Only One');
	await form.getByRole('checkbox', { name: /^Include Only Two / }).uncheck();
	await form.getByRole('button', { name: 'Merge 1 customer' }).click();
	await expect(form.getByRole('alert')).toHaveText('Choose at least two customers to merge.');
	await expect(dupes.status).toHaveCount(0);

	const list = new CustomerListPage(page);
	await list.goto();
	await expect(list.rows()).toHaveCount(2);
});
