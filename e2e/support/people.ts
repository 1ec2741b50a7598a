import { expect, type Browser, type Page } from '@playwright/test';
import { SharePage } from '../pages/snapshot';

/**
 * A person on their own device: a browser context of its own (English, the team's zone, the
 * clock fixed at `at` when given) whose profile has been given a name and a role in Settings.
 */
export async function person(
	browser: Browser,
	name: string,
	role: 'Account manager' | 'Operations lead',
	at?: Date
): Promise<Page> {
	const context = await browser.newContext({
		locale: 'en-US',
		timezoneId: 'Asia/Shanghai',
		acceptDownloads: true
	});
	if (at) await context.clock.setFixedTime(at);
	const page = await context.newPage();
	await page.goto('/settings');
	const profile = page.getByRole('region', { name: 'My profile' });
	await expect(profile.getByLabel('Name')).toBeEnabled({ timeout: 60_000 });
	await profile.getByLabel('Name').fill(name);
	await profile.getByLabel('Role').selectOption({ label: role });
	await profile.getByRole('button', { name: 'Save' }).click();
	await expect(profile.getByText('Profile saved.')).toBeVisible();
	return page;
}

/**
 * Sends `from`'s changes in a file for one person (`recipient` as the To list names them),
 * encrypted as such files are by default, and opens it on `to`'s device: a member's private
 * records travel only in a file meant for them.
 */
export async function sendTo(from: Page, to: Page, recipient: string): Promise<void> {
	const passphrase = `for ${recipient}`;
	const out = new SharePage(from);
	await out.goto();
	const file = await out.sendChanges({ to: recipient, what: 'Everything', passphrase });
	const inn = new SharePage(to);
	await inn.goto();
	await inn.choose(file);
	await inn.unlock(passphrase);
	await expect(inn.preview).toBeVisible({ timeout: 60_000 });
	await inn.apply();
}
