import { expect, test } from '@playwright/test';
import { MemberGoals } from './pages/goals';
import { chooseRole, RosterPage } from './pages/team';
import { open } from './support/app';
import { seriousViolations } from './support/axe';
import { putRecords, readStore } from './support/idb';

// Periods count in the team's zone; the device is in it too, so both agree on June's edges.
test.use({ locale: 'en-US', timezoneId: 'Asia/Shanghai' });

interface StoredGoal {
	id: string;
	ownerId: string;
	metric: string;
	target: number;
	enteredActual?: number | null;
	trashedAt: number | null;
}

const HOUR = 3_600_000;

/** A ticket of `ownerId`, opened and closed at the given times (the lead's device merged it). */
function ticket(id: string, ownerId: string, openedAt: string, closedAt: string) {
	const hlc = `${String(Date.parse('2026-06-10T00:00:00+08:00')).padStart(15, '0')}:0000:mgrdevice`;
	return {
		id,
		customerId: 'c-1',
		kind: 'support',
		status: 'closed',
		priority: 'normal',
		title: id,
		description: '',
		department: '',
		handoverNote: '',
		resolution: 'done',
		openedAt: Date.parse(openedAt),
		deadlineAt: Date.parse(openedAt) + 48 * HOUR,
		closedAt: Date.parse(closedAt),
		satisfaction: null,
		ownerId,
		trashedAt: null,
		_meta: { created: { hlc, by: ownerId }, updated: hlc }
	};
}

test('the lead sets a resolution-time and a market-share goal on a member’s page', async ({
	page
}) => {
	await page.clock.setFixedTime(new Date('2026-06-16T12:00:00+08:00'));
	await chooseRole(page, 'lead');
	const roster = new RosterPage(page);
	await roster.goto();
	await roster.add({ name: 'Li Na' });
	const members = await readStore<{ id: string; name: string }>(page, 'members');
	const li = members.find((m) => m.name === 'Li Na')!.id;
	// Two of her tickets closed in June: 6 h and 14 h to resolve, 10 h on average; one closed in
	// May does not count.
	await putRecords(page, 'tickets', [
		ticket('t-1', li, '2026-06-02T09:00:00+08:00', '2026-06-02T15:00:00+08:00'),
		ticket('t-2', li, '2026-06-03T10:00:00+08:00', '2026-06-04T00:00:00+08:00'),
		ticket('t-3', li, '2026-05-20T10:00:00+08:00', '2026-05-31T10:00:00+08:00')
	]);
	await roster.goto();
	await roster.open('Li Na');
	const goals = new MemberGoals(page);
	await expect(goals.list).toContainText('No goals for this or past periods yet.');

	// Bad input: a share over 100, then a negative target. Each says why; nothing is stored.
	await goals.period('Month', '2026-06');
	await goals.fill('Market share', '20', '150');
	await goals.submit();
	await expect(goals.errors()).toBeFocused();
	await expect(goals.errors()).toContainText(
		'The market share must be a percentage from 0 to 100.'
	);
	expect(await readStore(page, 'goals')).toHaveLength(0);
	await goals.fill('Average resolution time', '-8');
	await goals.submit();
	await expect(goals.errors()).toContainText('The target must be a number of 0 or more.');
	expect(await readStore(page, 'goals')).toHaveLength(0);

	// Resolution time, lower is better: 10 h against 8 h is 25% over, past the 10% that puts a
	// goal off track (a level: the whole target is expected from the first day).
	await goals.fill('Average resolution time', '8');
	await goals.submit();
	await expect(goals.form.getByRole('status')).toHaveText('Goal added.');
	const rt = goals.card('Average resolution time');
	await expect(rt.getByTestId('goal-actual')).toHaveText('10 h / 8 h');
	await expect(rt).toContainText('Off track');
	await expect(rt.getByRole('progressbar')).toHaveAttribute('aria-valuetext', '125%');

	// Market share entered by hand: 19% against 20% is 5% behind, at risk.
	await goals.fill('Market share', '20', '19');
	await goals.submit();
	const ms = goals.card('Market share');
	await expect(ms.getByTestId('goal-actual')).toHaveText('19% / 20% (Entered by hand)');
	await expect(ms).toContainText('At risk');
	await expect(ms.getByRole('progressbar')).toHaveAttribute('aria-valuetext', '95%');
	await goals.expectCards(2);
	expect(await seriousViolations(page, 'main')).toEqual([]);

	// Edited from its card: 21% achieves it; still one goal, its id the key.
	await ms.getByRole('button', { name: /^Edit goal Market share/ }).click();
	await expect(goals.form.getByLabel('Market share now (%)')).toHaveValue('19');
	await goals.form.getByLabel('Market share now (%)').fill('21');
	await goals.submit();
	await expect(goals.form.getByRole('status')).toHaveText('Goal saved.');
	await expect(ms.getByTestId('goal-actual')).toHaveText('21% / 20% (Entered by hand)');
	await expect(ms).toContainText('Achieved');

	const stored = await readStore<StoredGoal>(page, 'goals');
	expect(stored.map((g) => [g.id, g.target, g.enteredActual ?? null]).sort()).toEqual([
		[`goal:${li}:avg_resolution_time:month:2026-06-01`, 8, null],
		[`goal:${li}:market_share:month:2026-06-01`, 20, 21]
	]);

	// The dashboard's figures for June read the share entered on her goal, against its target.
	await open(page, '/team/dashboard');
	const share = page
		.getByRole('region', { name: 'Members' })
		.locator(`tr[data-member="${li}"] [data-metric="market_share"]`);
	await expect(share.locator('.value')).toHaveText('21%');
	await expect(share.locator('.goal')).toContainText('target 20%');
	await page.goBack();

	// A bad share on the stored goal changes nothing.
	await ms.getByRole('button', { name: /^Edit goal Market share/ }).click();
	await goals.form.getByLabel('Market share now (%)').fill('150');
	await goals.submit();
	await expect(goals.errors()).toContainText(
		'The market share must be a percentage from 0 to 100.'
	);
	expect(
		(await readStore<StoredGoal>(page, 'goals')).find((g) => g.metric === 'market_share')
			?.enteredActual
	).toBe(21);
});
