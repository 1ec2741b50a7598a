import { expect, test } from '@playwright/test';
import { CustomerFormPage } from './pages/customers';
import { nameMe } from './pages/profile';
import { SharePage, teammate } from './pages/snapshot';
import { chooseRole, RosterPage } from './pages/team';

test.describe.configure({ timeout: 300_000 });

test('a file still arriving from a member who left is flagged, with their hand-over offered', async ({
	browser
}) => {
	const li = await teammate(browser);
	await nameMe(li, 'Li Na');
	const form = new CustomerFormPage(li);
	await form.create({ name: '甲方 Alpha', city: 'Beijing' });
	const shareLi = new SharePage(li);
	await shareLi.goto();
	const first = await shareLi.sendChanges();

	const lead = await teammate(browser);
	await chooseRole(lead, 'lead');
	const shareLead = new SharePage(lead);
	await shareLead.goto();
	await shareLead.choose(first);
	await expect(lead.getByTestId('snapshot-from')).toContainText('Li Na');
	// Li Na is on the team: nothing to say.
	await expect(shareLead.preview).toBeVisible({ timeout: 60_000 });
	await expect(lead.getByTestId('from-leaver')).toHaveCount(0);
	await shareLead.apply();

	// She leaves; a file of hers still arrives.
	const roster = new RosterPage(lead);
	await roster.goto();
	const member = await roster.open('Li Na');
	await member.set('Status', 'Left', '2025-01-01');
	await expect(lead.getByTestId('member-status')).toHaveText('Left');

	await form.create({ name: '乙方 Beta', city: 'Tianjin' });
	await shareLi.goto();
	const late = await shareLi.sendChanges();
	await shareLead.goto();
	await shareLead.choose(late);
	const flag = lead.getByTestId('from-leaver');
	await expect(flag).toHaveText(
		'Li Na has left the team. Their work may not have been handed over yet. Hand over their work'
	);
	await flag.getByRole('link', { name: 'Hand over their work' }).click();
	await expect(lead.getByRole('heading', { level: 1, name: 'Li Na' })).toBeVisible();
	await expect(member.handOver).toBeVisible();
});
