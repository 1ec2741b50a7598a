import { expect, test } from '@playwright/test';
import { nameMe } from './pages/profile';
import { SharePage, teammate } from './pages/snapshot';
import { addTeammates } from './support/team';

test.describe.configure({ timeout: 300_000 });

test('a file for one person is encrypted unless turned off; a bad passphrase sends nothing', async ({
	browser
}) => {
	const li = await teammate(browser);
	await nameMe(li, 'Li Na');
	await addTeammates(li, ['Wang Wei']);
	const share = new SharePage(li);
	await share.goto();
	const send = li.getByRole('region', { name: 'Send my changes' });
	const lock = send.getByLabel('Encrypt with a passphrase');

	// For the whole team: nothing private travels, no passphrase asked.
	await expect(lock).not.toBeChecked();
	await send.getByLabel('To', { exact: true }).selectOption({ label: 'Wang Wei' });
	await expect(lock).toBeChecked();
	await expect(send).toContainText('it is encrypted unless you turn this off');

	// No passphrase, then two that differ: refused, and no file is offered.
	await send.getByRole('button', { name: 'Send my changes' }).click();
	await expect(send.getByRole('alert')).toHaveText('Enter a passphrase, or turn encryption off.');
	await send.getByLabel('Passphrase', { exact: true }).fill('one');
	await send.getByLabel('Repeat the passphrase').fill('two');
	await send.getByRole('button', { name: 'Send my changes' }).click();
	await expect(send.getByRole('alert')).toHaveText('The two passphrases differ.');
	await expect(send.getByTestId('send-ask')).toHaveCount(0);

	const file = await share.sendChanges({ to: 'Wang Wei', passphrase: 'for Wang' });

	// Wang cannot read it without the passphrase.
	const wang = await teammate(browser);
	const shareWang = new SharePage(wang);
	await shareWang.goto();
	await shareWang.choose(file);
	await expect(wang.getByText('This file is encrypted.')).toBeVisible();
	await shareWang.unlock('wrong');
	await expect(shareWang.importSection.getByLabel('Passphrase')).toHaveAccessibleDescription(
		'Wrong passphrase.',
		{ timeout: 60_000 }
	);
	await shareWang.unlock('for Wang');
	await expect(shareWang.preview).toBeVisible({ timeout: 60_000 });
});
