import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { customer, encodeAll, hlc, record, withHeader } from '../src/lib/io/snapshot/test-util';
import { CustomerFormPage } from './pages/customers';
import { SharePage, teammate, type SnapshotFile } from './pages/snapshot';
import { nav } from './support/app';
import { seriousViolations } from './support/axe';
import { readStore, wallOf } from './support/idb';

/**
 * Clocks from files: crafted .rapport files whose header or records carry stamps from a wrong
 * date. None of them may move this device's clock or any stored stamp beyond a day ahead.
 */
test.describe.configure({ timeout: 300_000 });

const DAY = 24 * 60 * 60 * 1000;
const YEAR_2100 = Date.UTC(2100, 0, 1);

interface Stored {
	id: string;
	name?: string;
	_meta: {
		created: { hlc: string; by: string };
		fields?: Record<string, { hlc: string; by: string }>;
		updated: string;
	};
}

async function crafted(
	entries: Parameters<typeof encodeAll>[0],
	header: Record<string, unknown> = {}
): Promise<SnapshotFile> {
	const bytes = withHeader(await encodeAll(entries), header);
	return {
		name: 'crafted.rapport',
		mimeType: 'application/octet-stream',
		buffer: Buffer.from(bytes)
	};
}

/** A teammate "赵六" whose computer thinks it is 2100, and one record from a sane clock. */
function farFile(): Promise<SnapshotFile> {
	const by = 'm-far';
	const far = customer('c-far', { name: 'Far 未来', ownerId: by });
	return crafted([
		{
			t: 'members',
			r: record(
				'm-far',
				{ name: '赵六', role: 'manager', email: '', trashedAt: null },
				{
					hlc: hlc(Date.now() - 60_000, 'devfar'),
					by
				}
			)
		},
		{
			t: 'customers',
			r: {
				...far,
				_meta: { created: { hlc: hlc(YEAR_2100, 'devfar'), by }, updated: hlc(YEAR_2100, 'devfar') }
			}
		},
		{ t: 'customers', r: customer('c-near', { name: 'Near 现在' }) }
	]);
}

/** A fresh teammate with farFile() chosen on the Share page: the preview's far-ahead block. */
async function farPreview(browser: Browser): Promise<{ b: Page; share: SharePage; far: Locator }> {
	const b = await teammate(browser);
	const share = new SharePage(b);
	await share.goto();
	await share.choose(await farFile());
	const far = b.getByTestId('far-ahead');
	await expect(far).toBeVisible({ timeout: 60_000 });
	return { b, share, far };
}

async function allStamps(page: Page): Promise<string[]> {
	const out: string[] = [];
	for (const store of ['members', 'customers']) {
		for (const r of await readStore<Stored>(page, store))
			out.push(
				r._meta.created.hlc,
				r._meta.updated,
				...Object.values(r._meta.fields ?? {}).map((s) => s.hlc)
			);
	}
	return out;
}

async function deviceOf(page: Page): Promise<string> {
	const rows = await readStore<{ key: string; value: unknown }>(page, 'settings');
	return String(rows.find((r) => r.key === 'deviceId')?.value);
}

test('a header claiming maxHlc 999999999999999:zzzz:x changes neither the clock nor a stored stamp', async ({
	browser
}) => {
	const b = await teammate(browser);
	const own = await new CustomerFormPage(b).create({ name: 'Own 自己' });
	const before = await readStore<Stored>(b, 'customers');
	const file = await crafted([{ t: 'customers', r: customer('c-file', { name: 'File 文件' }) }], {
		maxHlc: '999999999999999:zzzz:x'
	});
	const share = new SharePage(b);
	await share.goto();
	await share.importFile(file);
	await expect(share.importSection.getByRole('alert')).toHaveCount(0);

	const after = await readStore<Stored>(b, 'customers');
	expect(after.find((r) => r.id === own)).toEqual(before.find((r) => r.id === own));
	expect(after.find((r) => r.id === 'c-file')?._meta).toEqual(customer('c-file')._meta);

	// The next write of this page (no reload: the same clock) is stamped with this device's time,
	// not past the end of the format.
	await nav(b).getByRole('link', { name: 'Customers' }).click();
	await b.getByRole('link', { name: 'New customer' }).click();
	const form = new CustomerFormPage(b);
	await form.fill({ name: 'After 之后' });
	await form.save();
	await expect(b.getByRole('heading', { level: 1, name: 'After 之后' })).toBeVisible();
	const created = (await readStore<Stored>(b, 'customers')).find((r) => r.name === 'After 之后');
	const wall = wallOf(created?._meta.created.hlc ?? '');
	expect(Math.abs(wall - Date.now())).toBeLessThan(5 * 60_000);
});

test('records stamped a day or more ahead are listed in the preview and can be skipped', async ({
	browser
}) => {
	const { b, share, far } = await farPreview(browser);
	await expect(far).toContainText('赵六');
	await expect(far).toContainText('1 record');
	await expect(far).toContainText('years ahead');
	expect(await seriousViolations(b, '[data-testid=far-ahead]')).toEqual([]);
	await far.getByRole('radio', { name: /Skip them/ }).check();
	await share.apply();

	const stored = await readStore<Stored>(b, 'customers');
	expect(stored.map((r) => r.id)).toContain('c-near');
	expect(stored.map((r) => r.id)).not.toContain('c-far');
	const limit = Date.now() + DAY;
	for (const h of await allStamps(b)) expect(wallOf(h)).toBeLessThanOrEqual(limit);
});

test('records stamped far ahead can be imported re-stamped with this device’s clock, author kept', async ({
	browser
}) => {
	const { b, share, far } = await farPreview(browser);
	await far.getByRole('radio', { name: /re-stamped with this device/ }).check();
	await share.apply();

	const stored = await readStore<Stored>(b, 'customers');
	const c = stored.find((r) => r.id === 'c-far');
	expect(c?.name).toBe('Far 未来');
	expect(c?._meta.created.by).toBe('m-far');
	expect(c?._meta.created.hlc.endsWith(`:${await deviceOf(b)}`)).toBe(true);
	expect(Math.abs(wallOf(c?._meta.created.hlc ?? '') - Date.now())).toBeLessThan(5 * 60_000);
	const limit = Date.now() + DAY;
	for (const h of await allStamps(b)) expect(wallOf(h)).toBeLessThanOrEqual(limit);
});
