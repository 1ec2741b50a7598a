import { expect, test, type Locator, type Page } from '@playwright/test';
import { loadDemo } from './support/app';
import { activeRow, seeGrid, settledGrid, type RowSeen } from './support/grid-view';
import { CustomerListPage } from './pages/customers';

test.use({ locale: 'en-US' });

/** The customer list, with the demo data set's 400 customers loaded. */
async function openDemoList(page: Page): Promise<CustomerListPage> {
	await loadDemo(page);
	const list = new CustomerListPage(page);
	await list.goto();
	await expect(list.count()).toHaveText(/^400 customers$/);
	return list;
}

/** A whole row: a customer's link and its 8 cells. */
function expectWhole(row: RowSeen): void {
	expect(row.href).toMatch(/^\/customers\/[\w-]+$/);
	expect(row.name).not.toBe('');
	expect(row.cells).toHaveLength(8);
}

// Walked down a view at a time, the list shows what each position holds. Jumps far and back,
// and short steps, must then show each position with the same customer, whole (none of the
// customer a row showed before: company, phone, tags), drawn where it belongs, with no blank
// band in view.
test('the list shows each position with its own customer, however it is scrolled to', async ({
	page
}) => {
	test.setTimeout(180_000);
	const list = await openDemoList(page);
	await list.grid.getByRole('columnheader', { name: 'Name' }).getByRole('button').click();

	const shown = new Map<number, RowSeen>();
	let seen = await settledGrid(list.grid, { to: 0 });
	expect(seen.rows[0]?.index).toBe(0);
	const step = seen.viewHeight - seen.rowHeight;
	for (;;) {
		expect(seen.rows.length).toBeGreaterThan(5);
		for (const row of seen.rows) {
			expectWhole(row);
			expect(shown.get(row.index) ?? row).toEqual(row);
			shown.set(row.index, row);
		}
		if ((seen.rows.at(-1)?.index ?? 0) >= 399) break;
		seen = await settledGrid(list.grid, { by: step });
	}
	// Every position from the first to the last, each with a customer of its own.
	expect([...shown.keys()].sort((a, b) => a - b)).toEqual([...Array(400).keys()]);
	expect(new Set([...shown.values()].map((r) => r.href)).size).toBe(400);

	const jumps = [
		{ fraction: 0.5 },
		{ fraction: 1 },
		{ fraction: 0.25 },
		{ by: -70 },
		{ by: 3 * seen.rowHeight + 10 },
		{ fraction: 0.75 },
		{ fraction: 0 }
	];
	for (const move of jumps) {
		const after = await settledGrid(list.grid, move);
		expect(after.rows.length).toBeGreaterThan(5);
		for (const row of after.rows) expect(row).toEqual(shown.get(row.index));
		if ('fraction' in move && move.fraction === 1) expect(after.rows.at(-1)?.index).toBe(399);
		if ('fraction' in move && move.fraction === 0) expect(after.rows[0]?.index).toBe(0);
	}

	// A new search shows other customers in the same place: the first row is the match.
	const third = shown.get(2);
	const name = third?.name ?? '';
	await list.search.fill(name);
	await expect(list.rows().first()).toContainText(name);
	// (Two customers may share a name: the one seen must be among the matches, named the same.)
	await expect(list.grid.locator(`a[href="${third?.href ?? ''}"]`)).toHaveText(name);
	expect((await settledGrid(list.grid)).rows[0]?.index).toBe(0);
});

// The rows' shared texts (tier, stage, last contact) are kept per language for a fast scroll:
// a switch of language must relabel the rows in view at once, and the rows scrolled to next.
test('switching language relabels the rows in view and those scrolled to', async ({ page }) => {
	await loadDemo(page);
	const list = new CustomerListPage(page);
	await list.goto();
	const cell = (row: Locator, col: number) => row.locator(`[aria-colindex="${col}"]`);
	const first = list.rows().first();
	await expect(cell(first, 3)).toHaveText(/^(Lead|Prospect|Customer|Loyal|Churned)$/);
	await expect(cell(first, 7)).toHaveText(/ago|yesterday|today|never/i);
	const name = await cell(first, 1).innerText();

	await page.getByRole('button', { name: '中文' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('客户');
	// The grid is named in Chinese now: the same rows, found by position.
	const grid = page.getByRole('grid');
	const firstNow = grid.locator('[aria-rowindex="2"]');
	await expect(cell(firstNow, 1)).toHaveText(name);
	await expect(cell(firstNow, 3)).toHaveText(/^(线索|潜在客户|成交客户|忠诚客户|已流失)$/);
	await expect(cell(firstNow, 7)).toHaveText(/天|今天|昨天|从未/);
	// Rows first shown after the switch are in Chinese too.
	await grid.evaluate((el) => (el.scrollTop = el.scrollHeight));
	const last = grid.locator('[aria-rowindex="401"]');
	await expect(cell(last, 3)).toHaveText(/^(线索|潜在客户|成交客户|忠诚客户|已流失)$/);
	await expect(cell(last, 7)).toHaveText(/天|今天|昨天|从未/);
	// …and that last row is in the grid's view.
	expect((await settledGrid(grid)).rows.at(-1)?.index).toBe(399);
});

// Each row is drawn at its own position, and the keyboard and the mouse find and open the row the
// grid points at.
test('rows sit at their position, and arrows, click and Enter open the active row', async ({
	page
}) => {
	const list = await openDemoList(page);
	const seen = await settledGrid(list.grid, { fraction: 0.4 });
	expect(seen.rows.length).toBeGreaterThan(5);
	expect(seen.rows[0]?.index).toBeGreaterThan(100);
	seen.rows.forEach((row, i) => {
		expectWhole(row);
		if (i > 0) expect(row.index).toBe((seen.rows[i - 1]?.index ?? 0) + 1);
	});

	// Home, then two rows down: the grid keeps the focus and points at the third customer's row,
	// shown whole and highlighted.
	await list.grid.focus();
	await page.keyboard.press('Home');
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('ArrowDown');
	await expect(list.grid).toBeFocused();
	await expect
		.poll(() => activeRow(list.grid))
		.toMatchObject({ rowIndex: '4', highlighted: true, whole: true });
	const { href } = await activeRow(list.grid);
	expect(href).toMatch(/^\/customers\/[\w-]+$/);
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(new RegExp(`${href}$`));

	// Back on the list, a click on a row's cell makes that row the active one.
	await list.goto();
	const fifth = list.grid.locator('[aria-rowindex="6"]');
	await fifth.locator('[aria-colindex="2"]').click();
	await expect(list.grid).toBeFocused();
	const fifthHref = (await fifth.locator('a').getAttribute('href')) ?? 'missing';
	await expect
		.poll(() => activeRow(list.grid))
		.toEqual({ rowIndex: '6', highlighted: true, whole: true, href: fifthHref });
});

// A step farther than the rows kept beyond the edges reach (a scrollbar drag): the rows in view
// are there in the very next frame, and so they are after each wheel step that follows.
test('a long scroll step and the wheel steps after it show the rows in view at once', async ({
	page
}) => {
	const list = await openDemoList(page);
	const jumped = await seeGrid(list.grid, { by: 6000 });
	expect(jumped.scrollTop).toBeGreaterThan(5000);
	expect({ blank: jumped.blank, misplaced: jumped.misplaced }).toEqual({
		blank: [],
		misplaced: []
	});
	// The row at the top of the view is the one the offset reaches.
	expect(jumped.rows[0]?.index).toBe(Math.floor(jumped.scrollTop / jumped.rowHeight));
	jumped.rows.forEach(expectWhole);

	await list.grid.hover();
	let top = jumped.scrollTop;
	for (let i = 0; i < 4; i++) {
		// On a busy machine a synthetic wheel event now and then scrolls nothing at all: one that
		// did not is sent again. What is tested is what the rows show after each step.
		await expect(async () => {
			await page.mouse.wheel(0, 150);
			await expect
				.poll(async () => (await seeGrid(list.grid)).scrollTop, { timeout: 2_000 })
				.toBeGreaterThan(top);
		}).toPass();
		const after = await settledGrid(list.grid);
		expect(after.rows[0]?.index).toBe(Math.floor(after.scrollTop / after.rowHeight));
		after.rows.forEach(expectWhole);
		top = after.scrollTop;
	}
});

// Keys move the active row by one, by a page, to the ends, and the list scrolls just enough to
// show it whole: below the header that sticks to the top, above the bottom edge.
test('keys move the active row and scroll it into view, never under the header', async ({
	page
}) => {
	const list = await openDemoList(page);
	await list.grid.focus();
	const press = async (key: string): Promise<number> => {
		await page.keyboard.press(key);
		await expect.poll(async () => (await activeRow(list.grid)).whole).toBe(true);
		const active = await activeRow(list.grid);
		expect(active.highlighted).toBe(true);
		return Number(active.rowIndex);
	};
	expect(await press('End')).toBe(401);
	const page1 = 401 - (await press('PageUp'));
	const { viewHeight, rowHeight } = await seeGrid(list.grid);
	// A page is the rows wholly in view but one, so the row before stays in sight (give or take
	// the header's fraction of a pixel).
	const whole = Math.floor(viewHeight / rowHeight);
	expect(page1).toBeGreaterThanOrEqual(whole - 2);
	expect(page1).toBeLessThanOrEqual(whole - 1);
	expect(await press('ArrowUp')).toBe(401 - page1 - 1);
	expect(await press('Home')).toBe(2);
	expect(await press('PageDown')).toBe(2 + page1);
	expect(await press('ArrowDown')).toBe(3 + page1);
	await expect(list.grid).toBeFocused();
});
