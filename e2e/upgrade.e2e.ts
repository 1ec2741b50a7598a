import { expect, test, type Page } from '@playwright/test';
import { open } from './support/app';
import { readStore } from './support/idb';

/**
 * The first start after an update that rewrites every record (schema v9 numbers them): a large
 * database shows "Updating your data (n of N)" with a progress bar instead of a blank page, and
 * every record is there afterwards, numbered.
 */
test.use({ locale: 'en-US' });

const CUSTOMERS = 3_000;
const INTERACTIONS = 40_000;

interface StoreShape {
	name: string;
	keyPath: string | string[] | null;
	indexes: { name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }[];
	rows: unknown[];
}

/** The app's own database as it is now: every store with its indexes, and the small ones' rows. */
function readShapes(page: Page): Promise<StoreShape[]> {
	return page.evaluate(
		() =>
			new Promise<StoreShape[]>((done, fail) => {
				const req = indexedDB.open('rapport');
				req.onerror = () => fail(req.error);
				req.onsuccess = () => {
					const db = req.result;
					const names = [...db.objectStoreNames];
					const tx = db.transaction(names);
					const out: StoreShape[] = names.map((name) => {
						const s = tx.objectStore(name);
						return {
							name,
							keyPath: s.keyPath,
							indexes: [...s.indexNames].map((i) => {
								const x = s.index(i);
								return { name: i, keyPath: x.keyPath, unique: x.unique, multiEntry: x.multiEntry };
							}),
							rows: []
						};
					});
					for (const shape of out) {
						const all = tx.objectStore(shape.name).getAll();
						all.onsuccess = () => (shape.rows = all.result);
					}
					tx.oncomplete = () => {
						db.close();
						done(out);
					};
				};
			})
	);
}

/**
 * Replaces the app's database with the one an install of the previous version (v8, IndexedDB
 * version 80) holds: the same stores without the change counter and its index, the same small
 * records without their numbers, and many customers and interactions. Run from a page outside
 * the app, so that no connection of the app is open.
 */
function writeV8(page: Page, shapes: StoreShape[], customers: number, interactions: number) {
	return page.evaluate(
		({ shapes, customers, interactions }) =>
			new Promise<number>((done, fail) => {
				const del = indexedDB.deleteDatabase('rapport');
				del.onerror = () => fail(del.error);
				del.onsuccess = () => {
					const req = indexedDB.open('rapport', 80);
					req.onerror = () => fail(req.error);
					req.onupgradeneeded = () => {
						for (const s of shapes) {
							if (s.name === 'changeCounter') continue;
							const store = req.result.createObjectStore(s.name, { keyPath: s.keyPath });
							for (const i of s.indexes)
								if (i.name !== '_chg')
									store.createIndex(i.name, i.keyPath, {
										unique: i.unique,
										multiEntry: i.multiEntry
									});
						}
					};
					req.onsuccess = () => {
						const db = req.result;
						const tx = db.transaction([...db.objectStoreNames], 'readwrite');
						let numbered = 0;
						const numberedStores = ['members', 'customers', 'interactions', 'tombstones'];
						for (const s of shapes) {
							if (s.name === 'changeCounter') continue;
							for (const row of s.rows) {
								const { _chg: _n, ...rest } = row as Record<string, unknown>;
								tx.objectStore(s.name).put(rest);
								if (numberedStores.includes(s.name)) numbered++;
							}
						}
						const member = (shapes.find((s) => s.name === 'members')?.rows[0] ?? {}) as {
							id?: string;
						};
						const hlc = (i: number) =>
							`${String(1_700_000_000_000 + i).padStart(15, '0')}:0000:devold`;
						const meta = (i: number) => ({
							created: { hlc: hlc(i), by: member.id },
							updated: hlc(i)
						});
						for (let i = 0; i < customers; i++)
							tx.objectStore('customers').put({
								id: `c${i}`,
								kind: 'person',
								name: `Old Customer ${i}`,
								company: '',
								phones: [],
								emails: [],
								wechat: '',
								address: '',
								city: 'Beijing',
								industry: '',
								source: '',
								tier: 'B',
								stage: 'customer',
								tags: [],
								ownerId: member.id,
								birthday: '',
								needs: '',
								notes: '',
								createdAt: 1_700_000_000_000,
								lastContactAt: null,
								trashedAt: null,
								searchKeys: `old customer ${i}`,
								_meta: meta(i * 10)
							});
						for (let i = 0; i < interactions; i++)
							tx.objectStore('interactions').put({
								id: `i${i}`,
								customerId: `c${i % customers}`,
								type: 'call',
								at: 1_700_000_000_000 + i,
								durationMinutes: null,
								summary: 'Called back',
								outcome: '',
								satisfaction: null,
								nextFollowUp: null,
								ownerId: member.id,
								trashedAt: null,
								_meta: meta(i)
							});
						tx.objectStore('tombstones').put({
							table: 'customers',
							id: 'erased-long-ago',
							hlc: hlc(5),
							by: member.id
						});
						tx.oncomplete = () => {
							db.close();
							done(numbered + customers + interactions + 1);
						};
						tx.onerror = () => fail(tx.error);
					};
				};
			}),
		{ shapes, customers, interactions }
	);
}

test('a long upgrade shows its progress, and keeps every record', async ({ page }) => {
	test.setTimeout(180_000);
	await open(page, '/');
	await expect
		.poll(async () => (await readStore<{ key: string }>(page, 'settings')).map((s) => s.key))
		.toContain('memberId');
	const shapes = await readShapes(page);
	expect(shapes.map((s) => s.name)).toContain('changeCounter');

	// A page of the same origin that is not the app: no connection holds the database.
	await page.goto('/icons/icon-192.png');
	const total = await writeV8(page, shapes, CUSTOMERS, INTERACTIONS);

	await page.goto('/');
	const screen = page.getByTestId('upgrade-screen');
	await expect(screen.getByRole('heading', { name: 'Updating your data' })).toBeVisible({
		timeout: 60_000
	});
	await expect(page.getByTestId('upgrade-progress')).toContainText(
		new RegExp(`Updating your data \\([\\d,]+ of ${total.toLocaleString('en-US')}\\)`)
	);
	await expect(screen.getByRole('progressbar')).toBeVisible();
	// The pace and the time left, once some records are done.
	await expect(page.getByTestId('upgrade-progress')).toContainText(
		/records\/s, about [\d,]+ s left/
	);

	// Then the app, with the data as it was.
	await expect(screen).toHaveCount(0, { timeout: 120_000 });
	await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
	const customers = await readStore<{ id: string; name: string; _chg: number }>(page, 'customers');
	const interactions = await readStore<{ id: string; summary: string; _chg: number }>(
		page,
		'interactions'
	);
	expect(customers).toHaveLength(CUSTOMERS);
	expect(interactions).toHaveLength(INTERACTIONS);
	expect(customers.find((c) => c.id === 'c17')?.name).toBe('Old Customer 17');
	expect(interactions.find((i) => i.id === 'i39999')?.summary).toBe('Called back');
	// Every record and tombstone numbered once, the oldest first.
	const tombstones = await readStore<{ _chg: number }>(page, 'tombstones');
	const members = await readStore<{ _chg: number }>(page, 'members');
	const numbers = [...customers, ...interactions, ...tombstones, ...members].map((r) => r._chg);
	expect(new Set(numbers).size).toBe(total);
	expect(Math.min(...numbers)).toBe(1);
	expect(Math.max(...numbers)).toBe(total);
	const byId = new Map(interactions.map((i) => [i.id, i._chg]));
	expect(byId.get('i0')!).toBeLessThan(byId.get('i1')!);
	expect(byId.get('i1')!).toBeLessThan(byId.get('i39999')!);

	await page.goto('/customers');
	await page.getByRole('searchbox', { name: 'Search customers' }).fill('Old Customer 2999');
	await expect(page.getByText('Old Customer 2999', { exact: true })).toBeVisible();
});
