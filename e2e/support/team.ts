import type { Page } from '@playwright/test';
import { putRecords } from './idb';

/** Adds account managers by name; returns their ids. */
export async function addTeammates(page: Page, names: readonly string[]): Promise<string[]> {
	// Stamped a minute before the page's clock (a test may set it), never ahead of it.
	const now = await page.evaluate(() => Date.now());
	const wall = String(now - 60_000).padStart(15, '0');
	const members = names.map((name, i) => {
		const id = `mate-${i}-${name.toLowerCase().replace(/\W+/g, '-')}`;
		const hlc = `${wall}:000${i}:matedevice${i}`;
		return {
			id,
			name,
			role: 'manager',
			email: '',
			trashedAt: null,
			_meta: { created: { hlc, by: id }, updated: hlc }
		};
	});
	await putRecords(page, 'members', members);
	return members.map((m) => m.id);
}
