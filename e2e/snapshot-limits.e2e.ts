import { expect, test, type Page } from '@playwright/test';
import { gzipBomb, paddedMemberLine } from '../src/lib/io/snapshot/crafted-files';
import { CustomerFormPage, CustomerListPage } from './pages/customers';
import { SharePage } from './pages/snapshot';

/**
 * What a snapshot file can make the app do: a gzip bomb is refused while it inflates, and a disk
 * that fills up during the preview says so; either way nothing stays staged and the data is kept.
 */
test.use({ locale: 'en-US' });
test.describe.configure({ timeout: 180_000 });

/** The import's staging, read straight from IndexedDB: both empty when nothing is left behind. */
function stagingLeft(page: Page): Promise<{ imports: number; importBatches: number }> {
	return page.evaluate(
		() =>
			new Promise((done, fail) => {
				const req = indexedDB.open('rapport');
				req.onerror = () => fail(req.error);
				req.onsuccess = () => {
					const db = req.result;
					const tx = db.transaction(['imports', 'importBatches']);
					const imports = tx.objectStore('imports').count();
					const importBatches = tx.objectStore('importBatches').count();
					tx.oncomplete = () => {
						db.close();
						done({ imports: imports.result, importBatches: importBatches.result });
					};
				};
			})
	);
}

async function expectKept(page: Page, name: string): Promise<void> {
	const list = new CustomerListPage(page);
	await list.goto();
	await expect(list.row(name)).toHaveCount(1, { timeout: 30_000 });
}

test('a gzip bomb is refused while it inflates, leaving nothing staged', async ({ page }) => {
	await new CustomerFormPage(page).create({ name: 'Kept Co' });
	// About 2 MB that unpack to 2 GB of valid lines, which the preview would stage.
	const bomb = gzipBomb('members', paddedMemberLine('m-bomb', 16 << 10), 2 * 1024 ** 3);
	expect(bomb.length).toBeLessThan(4 << 20);
	const share = new SharePage(page);
	await share.goto();
	await share.choose({
		name: 'bomb.rapport',
		mimeType: 'application/octet-stream',
		buffer: Buffer.from(bomb)
	});
	await expect(share.importError).toContainText('refused as unsafe', { timeout: 60_000 });
	await expect(share.preview).toHaveCount(0);
	expect(await stagingLeft(page)).toEqual({ imports: 0, importBatches: 0 });
	await expectKept(page, 'Kept Co');
});

test('a disk that fills up during the preview says storage full, leaves nothing staged and keeps the data', async ({
	page
}) => {
	// IndexedDB refuses staged batches for lack of space while the flag is set (it survives reloads).
	await page.addInitScript(() => {
		for (const method of ['add', 'put'] as const) {
			const original = IDBObjectStore.prototype[method];
			IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: [unknown]) {
				if (this.name === 'importBatches' && sessionStorage.getItem('diskFull'))
					throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
				return original.apply(this, args);
			} as typeof original;
		}
	});
	await new CustomerFormPage(page).create({ name: 'Kept Co' });
	const share = new SharePage(page);
	await share.goto();
	const file = await share.exportFile();

	await page.evaluate(() => sessionStorage.setItem('diskFull', '1'));
	await share.choose(file);
	await expect(share.importError).toContainText('The browser storage is full', {
		timeout: 60_000
	});
	await expect(share.preview).toHaveCount(0);
	expect(await stagingLeft(page)).toEqual({ imports: 0, importBatches: 0 });

	// With space again, the same file opens: nothing was left holding it.
	await page.evaluate(() => sessionStorage.removeItem('diskFull'));
	await share.goto();
	await share.choose(file);
	await expect(share.previewRow('Customers')).toBeVisible({ timeout: 60_000 });
	await expectKept(page, 'Kept Co');
});
