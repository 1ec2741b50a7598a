import { expect, test } from '@playwright/test';
import { customer, encodeAll, hlc } from '../src/lib/io/snapshot/test-util';
import { CustomerDetailPage, CustomerFormPage } from './pages/customers';
import { SharePage } from './pages/snapshot';
import { readStore } from './support/idb';

/**
 * Two tabs of one browser: one database, one device id. Tab B follows a teammate whose clock runs
 * an hour ahead; tab A never saw that file. An edit made later in A must still win.
 */
test.use({ locale: 'en-US' });
test.describe.configure({ timeout: 180_000 });

interface Stored {
	id: string;
	city?: string;
	_meta: { fields?: Record<string, { hlc: string; by: string }>; updated: string };
}

test('an edit made later in one tab orders after what another tab stored', async ({ context }) => {
	const a = await context.newPage();
	const id = await new CustomerFormPage(a).create({ name: 'Tabs 两个标签页', city: 'Beijing' });

	// Tab B imports a teammate's record stamped an hour ahead (within a day: its clock follows).
	const b = await context.newPage();
	const share = new SharePage(b);
	await share.goto();
	const ahead = Date.now() + 3_600_000;
	const r = customer('c-mate', { name: 'Mate 同事' });
	const bytes = await encodeAll([
		{
			t: 'customers',
			r: {
				...r,
				_meta: { created: { hlc: hlc(ahead, 'mate'), by: 'm-mate' }, updated: hlc(ahead, 'mate') }
			}
		}
	]);
	await share.importFile({
		name: 'mate.rapport',
		mimeType: 'application/octet-stream',
		buffer: Buffer.from(bytes)
	});
	await new CustomerDetailPage(b).setCity(id, 'Shanghai');
	const byB = (await readStore<Stored>(b, 'customers')).find((c) => c.id === id)!;

	// Tab A, started before and never reloaded, edits the same field afterwards.
	await a.getByRole('button', { name: 'Edit', exact: true }).click();
	await a.getByLabel('City', { exact: true }).fill('Shenzhen');
	await new CustomerFormPage(a).save();
	await expect(a.getByRole('region', { name: 'Profile' })).toContainText('Shenzhen');

	const after = (await readStore<Stored>(a, 'customers')).find((c) => c.id === id)!;
	expect(after.city).toBe('Shenzhen');
	expect(after._meta.fields!.city!.hlc > byB._meta.fields!.city!.hlc).toBe(true);
	expect(after._meta.updated > byB._meta.updated).toBe(true);
});
