import { expect, test, type Locator, type Page } from '@playwright/test';
import { nameMe } from './pages/profile';
import { chooseRole } from './pages/team';
import { addTeammates } from './support/team';

test.use({ locale: 'en-US', timezoneId: 'Asia/Shanghai' });

async function addCourse(
	page: Page,
	c: { title: string; kind: string; hours: string; required?: boolean }
) {
	const form = page.getByRole('form', { name: 'New course' });
	await form.getByLabel('Title').fill(c.title);
	await form.getByLabel('Kind').selectOption({ label: c.kind });
	await form.getByLabel('Hours').fill(c.hours);
	if (c.required) await form.getByLabel('Required for everyone').check();
	await form.getByRole('button', { name: 'Add course' }).click();
}

async function record(
	form: Locator,
	r: { member: string; course: string; hours: string; score?: string; certificate?: string }
) {
	await form.getByLabel('Member').selectOption({ label: r.member });
	await form.getByLabel('Course').selectOption({ label: r.course });
	await form.getByLabel('Hours attended').fill(r.hours);
	await form.getByLabel('Score').fill(r.score ?? '');
	await form.getByLabel('Certificate note').fill(r.certificate ?? '');
	await form.getByRole('button', { name: 'Record training' }).click();
}

test('training records add up per member and kind; a missing required course is flagged', async ({
	page
}) => {
	// The lead's view of the team: everyone but the lead.
	await chooseRole(page, 'lead');
	await nameMe(page, 'Zhang Min');
	await addTeammates(page, ['Li Na', 'Wang Wei', 'Zhou Jie']);
	await page.goto('/team/training');
	await expect(page.getByRole('heading', { level: 1, name: 'Training' })).toBeVisible();

	// Bad courses are refused with a clear message and change nothing.
	await addCourse(page, { title: ' ', kind: 'Compliance', hours: '-1' });
	const courseForm = page.getByRole('form', { name: 'New course' });
	const summary = courseForm.getByRole('group').filter({ hasText: 'Please correct' });
	await expect(summary).toContainText('Enter the course title.');
	await expect(summary).toContainText('Hours are a number from 0 to 1,000');
	await addCourse(page, { title: 'Endless course', kind: 'Compliance', hours: '5000' });
	await expect(summary).toContainText('Hours are a number from 0 to 1,000');
	await expect(page.getByText('No courses yet.')).toBeVisible();

	await addCourse(page, {
		title: 'Anti-fraud rules',
		kind: 'Compliance',
		hours: '2',
		required: true
	});
	await expect(courseForm.getByRole('status')).toHaveText('Course added.');
	await addCourse(page, { title: 'Negotiation basics', kind: 'Sales skills', hours: '1.5' });
	const courses = page.getByTestId('courses');
	await expect(courses.getByRole('row')).toHaveCount(3);
	await expect(courses.getByRole('row', { name: /Anti-fraud rules/ })).toContainText('Required');

	const form = page.getByRole('form', { name: 'Record training' });
	// More hours than a day has, and a certificate note too long: refused.
	await record(form, { member: 'Li Na', course: 'Anti-fraud rules', hours: '30' });
	await expect(form).toContainText('A record is one day’s training: at most 24 hours.');
	await record(form, {
		member: 'Li Na',
		course: 'Anti-fraud rules',
		hours: '2',
		certificate: 'x'.repeat(1001)
	});
	await expect(form).toContainText('The certificate note is at most 1,000 characters.');
	await record(form, {
		member: 'Li Na',
		course: 'Anti-fraud rules',
		hours: '2',
		score: '92',
		certificate: 'CERT-0042'
	});
	await expect(form.getByRole('status')).toHaveText('Training recorded.');
	await record(form, { member: 'Zhou Jie', course: 'Negotiation basics', hours: '1.5' });
	await expect(form.getByRole('status')).toHaveText('Training recorded.');

	const team = page.getByTestId('team-training');
	await expect(team.getByRole('row', { name: /Li Na/ })).toHaveText(
		/Li Na\s*0 h\s*0 h\s*0 h\s*2 h\s*2 h/
	);
	await expect(team.getByRole('row', { name: /Zhou Jie/ })).toHaveText(
		/Zhou Jie\s*0 h\s*1\.5 h\s*0 h\s*0 h\s*1\.5 h/
	);
	await expect(team.getByRole('row', { name: /Whole team/ })).toContainText('3.5 h');
	await expect(team.getByRole('row', { name: /Zhang Min/ })).toHaveCount(0);
	const missing = page.getByTestId('missing-required');
	await expect(missing).toContainText('Anti-fraud rules: Wang Wei and Zhou Jie');
	await expect(missing).not.toContainText('Li Na');
	await expect(page.getByTestId('training-records')).toContainText('CERT-0042');

	// Wang Wei's plan for the month: the required course, still to do.
	const plan = page.getByRole('form', { name: 'Plan a member’s training' });
	await plan.getByLabel('Member').selectOption({ label: 'Wang Wei' });
	await plan.getByRole('checkbox', { name: 'Anti-fraud rules' }).check();
	await plan.getByRole('button', { name: 'Save plan' }).click();
	await expect(plan.getByRole('status')).toHaveText('Training plan saved.');
	await expect(page.getByTestId('training-plans')).toContainText(
		/Wang Wei[\s\S]*0 of 1 done\s*Still to do: Anti-fraud rules/
	);

	// Zhou Jie takes the required course: only Wang Wei is left.
	await record(form, { member: 'Zhou Jie', course: 'Anti-fraud rules', hours: '2' });
	await expect(missing).toContainText('Anti-fraud rules: Wang Wei');
	await expect(missing).not.toContainText('Zhou Jie');
});
