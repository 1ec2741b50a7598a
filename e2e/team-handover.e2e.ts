import { expect, test, type Page } from '@playwright/test';
import { loadDemo } from './support/app';
import { chooseRole, RosterPage } from './pages/team';

test.use({ locale: 'en-US' });

const KINDS = ['customers', 'deals', 'tasks', 'tickets'] as const;

async function counts(page: Page): Promise<number[]> {
	const preview = page.getByTestId('handover-preview');
	await expect(preview).toBeVisible();
	return Promise.all(
		KINDS.map(async (k) => Number(await preview.getByTestId(`handover-count-${k}`).innerText()))
	);
}

test('a leaver’s work is previewed, handed over in one step, and the hand-over undone', async ({
	page
}) => {
	test.setTimeout(180_000);
	await chooseRole(page, 'lead');
	await loadDemo(page);
	const roster = new RosterPage(page);
	await roster.goto();
	const li = await roster.open('李娜');

	// Taking her off the team is refused while she owns customers.
	await page.getByRole('button', { name: 'Remove 李娜' }).click();
	await expect(
		page.getByText(
			'This member still owns customers or open work: hand it over first, then remove them.'
		)
	).toBeVisible();

	// A leaver cannot receive the work: Emma has left.
	await roster.goto();
	const emma = await roster.open('Emma Wilson');
	await emma.set('Status', 'Left', '2025-01-01');
	await expect(page.getByTestId('member-status')).toHaveText('Left');
	await roster.goto();
	await roster.open('李娜');
	await li.handOver.getByLabel('Hand over to').selectOption({ label: 'Emma Wilson' });
	await expect(li.handOver.getByTestId('handover-blocked')).toHaveText(
		'This member has left the team: choose someone who is still here.'
	);
	await expect(li.handOver.getByRole('button', { name: 'Hand over' })).toBeDisabled();

	// The preview counts what moves before anything does.
	await li.handOver.getByLabel('Hand over to').selectOption({ label: '王磊' });
	const before = await counts(page);
	expect(before[0]).toBeGreaterThan(0);
	expect(before.reduce((a, b) => a + b, 0)).toBeGreaterThan(before[0]!);
	await li.handOver.getByRole('button', { name: 'Hand over' }).click();
	await expect(li.handOver.getByText('Handed over to 王磊.', { exact: false })).toBeVisible();

	// Nothing is left to hand over; the hand-over is listed with its Undo.
	await li.handOver.getByLabel('Hand over to').selectOption({ label: '王磊' });
	await expect(await counts(page)).toEqual([0, 0, 0, 0]);
	await expect(li.handOver.getByTestId('handover-blocked')).toHaveText(
		'This member owns no customers and no open work: nothing to hand over.'
	);
	const total = before.reduce((a, b) => a + b, 0);
	const entry = page.getByTestId('handover-history').getByRole('listitem').first();
	await expect(entry).toContainText(`李娜 → 王磊, ${total} records`);

	await entry.getByRole('button', { name: 'Undo' }).click();
	await expect(page.getByText(`Undone: ${total} records are back.`)).toBeVisible();
	await expect(entry).toContainText('Undone');
	await expect(entry.getByRole('button', { name: 'Undo' })).toHaveCount(0);
	await li.handOver.getByLabel('Hand over to').selectOption({ label: '陈晓东' });
	await expect.poll(() => counts(page)).toEqual(before);
});
