import { createHash } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { CustomerDetailPage, CustomerFormPage, CustomerListPage } from './pages/customers';
import { nameMe } from './pages/profile';
import { chooseRole } from './pages/team';
import { SharePage, teammate, type SnapshotFile } from './pages/snapshot';

/**
 * Two managers and their lead, each in a browser context of their own, pass files of changes
 * over several rounds: both managers change the same field of one customer, one moves a
 * customer to the trash, the other erases one for good, a file arrives twice and another late.
 * At the end the three databases hold the same records, compared from raw IndexedDB dumps
 * (stamps included; only this device's change numbers left out), and each device lists the one
 * conflict that really happened.
 */
test.describe.configure({ timeout: 900_000 });

/** The synced stores and the tombstones: what must be the same on every device. */
const SHARED_STORES = [
	'members',
	'customers',
	'contacts',
	'interactions',
	'tasks',
	'deals',
	'orders',
	'tickets',
	'feedback',
	'goals',
	'reviews',
	'levels',
	'memberFacts',
	'periodCloses',
	'teamSettings',
	'courses',
	'trainingRecords',
	'trainingPlans',
	'workPlans',
	'dailyReports',
	'checklists',
	'checklistTicks',
	'tombstones'
];

/** Every shared store of the page's database, as raw values (no app code involved). */
function dump(page: Page): Promise<Record<string, unknown[]>> {
	return page.evaluate(
		(stores) =>
			new Promise<Record<string, unknown[]>>((done, fail) => {
				const open = indexedDB.open('rapport');
				open.onerror = () => fail(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const present = stores.filter((s) => db.objectStoreNames.contains(s));
					const tx = db.transaction(present);
					const out: Record<string, unknown[]> = {};
					for (const s of present) {
						const req = tx.objectStore(s).getAll();
						req.onsuccess = () => (out[s] = req.result);
					}
					tx.oncomplete = () => {
						db.close();
						done(out);
					};
					tx.onerror = () => fail(tx.error);
				};
			}),
		SHARED_STORES
	);
}

/** Plain data with the keys of every object sorted, so equal records print equal. */
function canonical(v: unknown): unknown {
	if (Array.isArray(v)) return v.map(canonical);
	if (v && typeof v === 'object')
		return Object.fromEntries(
			Object.keys(v)
				.sort()
				.map((k) => [k, canonical((v as Record<string, unknown>)[k])])
		);
	return v;
}

/** Per store: the records without this device's change number, sorted, and their hash. */
async function fingerprint(
	page: Page
): Promise<{ hash: string; stores: Record<string, string[]> }> {
	const raw = await dump(page);
	const stores: Record<string, string[]> = {};
	for (const [name, records] of Object.entries(raw)) {
		stores[name] = records
			.map((r) => {
				const { _chg: _local, ...rest } = r as Record<string, unknown>;
				return JSON.stringify(canonical(rest));
			})
			.sort();
	}
	const hash = createHash('sha256').update(JSON.stringify(stores)).digest('hex');
	return { hash, stores };
}

/** The conflicts a device lists: which field of which customer lost which value. */
async function conflicts(page: Page, names: Map<string, string>): Promise<string[]> {
	const list = (await page.evaluate(
		() =>
			new Promise<unknown[]>((done, fail) => {
				const open = indexedDB.open('rapport');
				open.onerror = () => fail(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const req = db.transaction('conflicts').objectStore('conflicts').getAll();
					req.onsuccess = () => {
						db.close();
						done(req.result);
					};
				};
			})
	)) as { table: string; recordId: string; field: string; lostValue: unknown }[];
	return list
		.map(
			(c) => `${c.table}/${names.get(c.recordId) ?? c.recordId}/${c.field}: ${String(c.lostValue)}`
		)
		.sort();
}

async function apply(share: SharePage, file: SnapshotFile): Promise<void> {
	await share.goto();
	await share.importFile(file);
}

async function send(page: Page): Promise<SnapshotFile> {
	const share = new SharePage(page);
	await share.goto();
	return share.sendChanges();
}

async function setCity(page: Page, id: string, city: string): Promise<void> {
	await new CustomerDetailPage(page).setCity(id, city);
}

test('two managers and a lead end with the same records after rounds of files', async ({
	browser
}) => {
	const li = await teammate(browser);
	const wang = await teammate(browser);
	const lead = await teammate(browser);
	await nameMe(li, 'Li Na');
	await nameMe(wang, 'Wang Wei');
	await chooseRole(lead, 'lead');
	await nameMe(lead, 'Zhao Lead');
	const shareLi = new SharePage(li);
	const shareWang = new SharePage(wang);
	const shareLead = new SharePage(lead);

	// Round 1: each manager's customers, sent as a first (full) file to the team.
	const formLi = new CustomerFormPage(li);
	const alpha = await formLi.create({ name: '甲方 Alpha', city: 'Beijing' });
	const beta = await formLi.create({ name: '乙方 Beta', city: 'Tianjin' });
	const gamma = await new CustomerFormPage(wang).create({ name: '丙方 Gamma', city: 'Xiamen' });
	const names = new Map([
		[alpha, 'Alpha'],
		[beta, 'Beta'],
		[gamma, 'Gamma']
	]);
	const li1 = await send(li);
	const wang1 = await send(wang);
	await apply(shareWang, li1);
	await apply(shareLi, wang1);
	await apply(shareLead, li1);
	await apply(shareLead, wang1);

	// Round 2: both managers change Alpha's city (Wang after Li, without seeing her change); Li
	// moves Beta to the trash; Wang erases Gamma for good.
	await setCity(li, alpha, 'Shanghai');
	const detailLi = new CustomerDetailPage(li);
	await detailLi.goto(beta);
	await detailLi.moveToTrash();
	await expect(li).toHaveURL(/\/customers$/);
	await setCity(wang, alpha, 'Guangzhou');
	await new CustomerListPage(wang).goto();
	await wang.getByRole('link', { name: /Gamma/ }).first().click();
	await wang.getByRole('button', { name: 'Erase permanently' }).click();
	const dialog = wang.getByRole('dialog');
	await dialog.getByLabel('Type 丙方 Gamma to confirm').fill('丙方 Gamma');
	await dialog.getByRole('button', { name: 'Erase for good' }).click();
	await expect(wang).toHaveURL(/\/customers$/);
	const li2 = await send(li);
	const wang2 = await send(wang);

	// Round 3: Li adds a customer; her third file reaches the lead before her second.
	const delta = await formLi.create({ name: '丁方 Delta', city: 'Chengdu' });
	names.set(delta, 'Delta');
	const li3 = await send(li);

	await apply(shareLead, wang2);
	// Delivered twice: the second time it is recognised and nothing is applied.
	await shareLead.goto();
	await shareLead.choose(wang2);
	await expect(lead.getByTestId('already-imported')).toBeVisible({ timeout: 60_000 });
	await apply(shareLead, li3);
	await shareLead.goto();
	await expect(lead.getByTestId('missing-changes')).toContainText('Li Na’s changes');
	await apply(shareLead, li2);
	await shareLead.goto();
	await expect(lead.getByRole('region', { name: 'Missing changes' })).toHaveCount(0);

	await apply(shareWang, li2);
	await apply(shareWang, li3);
	await apply(shareLi, wang2);

	// The lead's first file carries everything it holds, its own profile too.
	const lead1 = await send(lead);
	await apply(shareLi, lead1);
	await apply(shareWang, lead1);

	const [fl, fw, fz] = await Promise.all([fingerprint(li), fingerprint(wang), fingerprint(lead)]);
	expect(fw.stores).toEqual(fl.stores);
	expect(fz.stores).toEqual(fl.stores);
	expect(new Set([fl.hash, fw.hash, fz.hash]).size).toBe(1);
	// What the records say: Wang's later city won, Beta is in the trash, Gamma is gone for good,
	// and everyone has all three people.
	const customers = fl.stores.customers!.map((r) => JSON.parse(r) as Record<string, unknown>);
	const byName = new Map(customers.map((c) => [names.get(String(c.id)), c]));
	expect(byName.get('Alpha')?.city).toBe('Guangzhou');
	expect(byName.get('Beta')?.trashedAt).toEqual(expect.any(Number));
	expect(byName.has('Gamma')).toBe(false);
	expect(byName.has('Delta')).toBe(true);
	expect(fl.stores.members).toHaveLength(3);

	// One real conflict: Li's Shanghai lost to Wang's later Guangzhou, wherever both met.
	const expected = ['customers/Alpha/city: Shanghai'];
	expect(await conflicts(li, names)).toEqual(expected);
	expect(await conflicts(wang, names)).toEqual(expected);
	expect(await conflicts(lead, names)).toEqual(expected);
});
