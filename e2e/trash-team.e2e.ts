import { expect, test, type Page } from '@playwright/test';
import { nameMe } from './pages/profile';
import { chooseRole } from './pages/team';
import { TrashPage } from './pages/trash';
import { seriousViolations } from './support/axe';
import { readStore } from './support/idb';

// Plans count days in the team's zone (Asia/Shanghai); the browser is set to it too, on a
// Wednesday morning, so that the week is the same whenever the test runs.
test.use({ locale: 'en-US', timezoneId: 'Asia/Shanghai' });

async function savePlan(page: Page, visits: string): Promise<void> {
	const form = page.getByRole('form', { name: 'The plan' });
	await form.getByLabel('Planned visits').fill(visits);
	await form.getByLabel('Planned calls').fill('4');
	await form.getByLabel('Planned new customers').fill('1');
	await form.getByRole('button', { name: 'Save plan' }).click();
	await expect(form.getByRole('status')).toHaveText('Plan saved.');
}

test('a removed work plan and course wait in the trash; the plan comes back', async ({ page }) => {
	await page.clock.setFixedTime(new Date('2026-03-11T10:00:00+08:00'));
	await chooseRole(page, 'lead');
	await nameMe(page, 'Zhang Min');

	// The week's plan, then moved to the trash from its page.
	await page.goto('/team/plans');
	await expect(page.getByText('A week · Mar 9, 2026')).toBeVisible();
	await savePlan(page, '2');
	await page
		.getByRole('button', { name: 'Move the plan of A week · Mar 9, 2026 to the trash' })
		.click();
	await expect(page.getByText('Plan moved to the trash.')).toBeVisible();
	await expect(page.getByText('No plan for this period yet.')).toBeVisible();

	// A course, removed from the training page.
	await page.goto('/team/training');
	const courseForm = page.getByRole('form', { name: 'New course' });
	await courseForm.getByLabel('Title').fill('Anti-fraud rules');
	await courseForm.getByLabel('Kind').selectOption({ label: 'Compliance' });
	await courseForm.getByLabel('Hours').fill('2');
	await courseForm.getByRole('button', { name: 'Add course' }).click();
	await expect(courseForm.getByRole('status')).toHaveText('Course added.');
	await page.getByRole('button', { name: 'Remove course Anti-fraud rules' }).click();
	await expect(page.getByText('No courses yet.')).toBeVisible();

	const trash = new TrashPage(page);
	await trash.goto();
	const plan = trash.entry('Work plans', 'A week · Mar 9, 2026');
	await expect(plan).toContainText('Zhang Min: visits 2, calls 4, new customers 1');
	await expect(plan).toContainText('30 days');
	await expect(trash.entry('Courses', 'Anti-fraud rules')).toContainText('Compliance, 2 h');
	expect(await seriousViolations(page)).toEqual([]);

	await trash.restore('A week · Mar 9, 2026', 'Work plans');
	await expect(trash.status).toHaveText('“A week · Mar 9, 2026” is back.');
	await expect(trash.kind('Work plans')).toHaveCount(0);
	await expect(trash.entry('Courses', 'Anti-fraud rules')).toHaveCount(1);

	await page.goto('/team/plans');
	await expect(
		page.getByRole('form', { name: 'The plan' }).getByLabel('Planned visits')
	).toHaveValue('2');
	await expect(page.getByText('No plan for this period yet.')).toHaveCount(0);

	// The course, deleted for good, leaves a tombstone (no record names it).
	await trash.goto();
	await trash.purge('Anti-fraud rules', 'Courses');
	await expect(trash.status).toHaveText('“Anti-fraud rules” was deleted for good.');
	await expect(page.getByText('The trash is empty.')).toBeVisible();
	const tombs = await readStore<{ table: string }>(page, 'tombstones');
	expect(tombs.filter((t) => t.table === 'courses')).toHaveLength(1);
	expect(await readStore(page, 'courses')).toEqual([]);
});

test('a plan deleted for good is emptied, and its week can be planned again', async ({ page }) => {
	await page.clock.setFixedTime(new Date('2026-03-11T10:00:00+08:00'));
	await chooseRole(page, 'lead');
	await nameMe(page, 'Zhang Min');
	await page.goto('/team/plans');
	await savePlan(page, '5');
	await page
		.getByRole('button', { name: 'Move the plan of A week · Mar 9, 2026 to the trash' })
		.click();
	await expect(page.getByText('No plan for this period yet.')).toBeVisible();

	const trash = new TrashPage(page);
	await trash.goto();
	await trash.purge('A week · Mar 9, 2026', 'Work plans');
	await expect(page.getByText('The trash is empty.')).toBeVisible();
	// No tombstone on the week's key: the record stays, emptied.
	expect(await readStore(page, 'tombstones')).toEqual([]);
	const [stored] = await readStore<{ planned: Record<string, number>; trashedAt: number }>(
		page,
		'workPlans'
	);
	expect(stored).toMatchObject({
		planned: { visits: 0, calls: 0, new_customers: 0 },
		trashedAt: 0
	});

	await page.goto('/team/plans');
	await expect(page.getByText('No plan for this period yet.')).toBeVisible();
	await savePlan(page, '3');
	await expect(page.getByText('No plan for this period yet.')).toHaveCount(0);
	await page.reload();
	await expect(
		page.getByRole('form', { name: 'The plan' }).getByLabel('Planned visits')
	).toHaveValue('3');
});
