import { expect, test } from '@playwright/test';
import { customer, hlc } from '../src/lib/io/snapshot/test-util';
import { open } from './support/app';
import { putRecords, readStore, wallOf } from './support/idb';

/**
 * A database poisoned by an older version (a record stamped in 2100): on start its stamps are
 * brought back to this device's time and the app says so, once.
 */
test.use({ locale: 'en-US' });

const DAY = 24 * 60 * 60 * 1000;

interface Stored {
	id: string;
	name?: string;
	_meta: { created: { hlc: string; by: string }; updated: string };
}
type Setting = { key: string; value: unknown };

test('stamps far ahead are repaired on start and the user is told once', async ({ page }) => {
	await open(page, '/');
	// The first start made the database and this device's id.
	await expect
		.poll(async () =>
			(await readStore<Setting>(page, 'settings')).some((s) => s.key === 'deviceId')
		)
		.toBe(true);
	const poisoned = customer('c-poison', { name: 'Poisoned 未来' });
	const far = hlc(Date.UTC(2100, 0, 1), 'devfar');
	await putRecords(page, 'customers', [
		{ ...poisoned, _meta: { created: { hlc: far, by: 'm-far' }, updated: far } }
	]);

	await page.reload();
	const notice = page.getByTestId('clock-repair-notice');
	await expect(notice).toContainText('1 record');
	const repaired = (await readStore<Stored>(page, 'customers')).find((r) => r.id === 'c-poison');
	expect(repaired?.name).toBe('Poisoned 未来');
	expect(repaired?._meta.created.by).toBe('m-far');
	expect(wallOf(repaired?._meta.updated ?? '')).toBeLessThanOrEqual(Date.now() + DAY);

	await notice.getByRole('button', { name: 'Dismiss' }).click();
	await expect(notice).toHaveCount(0);
	// Told once: the notice is gone from storage, so no later start shows it again.
	await expect
		.poll(async () =>
			(await readStore<Setting>(page, 'settings')).some((s) => s.key === 'clockRepair')
		)
		.toBe(false);
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
	await expect(notice).toHaveCount(0);
});
