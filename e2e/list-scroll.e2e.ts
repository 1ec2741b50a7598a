import { expect, test, type Locator, type Page } from '@playwright/test';
import { loadDemo } from './support/app';
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

interface Shown {
	index: number;
	href: string;
	name: string;
	/** Every cell's text, tags one by one: the whole row as shown. */
	cells: string[];
	cellCount: number;
}

/** The rows in the DOM, by their aria-rowindex: which customer each shows. */
async function shownRows(grid: Locator): Promise<Shown[]> {
	return grid.evaluate((el) =>
		[...el.querySelectorAll<HTMLElement>('[role=rowgroup] + [role=rowgroup] [role=row]')]
			.map((row) => {
				const link = row.querySelector('a');
				return {
					index: Number(row.getAttribute('aria-rowindex')),
					href: link?.getAttribute('href') ?? '',
					name: link?.textContent?.trim() ?? '',
					cellCount: row.querySelectorAll('[role=gridcell]').length,
					cells: [...row.querySelectorAll('[role=gridcell]')].flatMap((cell) => {
						// Pills shown: a row keeps spare ones hidden (customer-row-cells.ts).
						const tags = [...cell.querySelectorAll('.tag')].filter((t) => t.checkVisibility());
						return tags.length
							? tags.map((t) => `tag:${t.textContent ?? ''}`)
							: [cell.textContent ?? ''];
					})
				};
			})
			.sort((a, b) => a.index - b.index)
	);
}

// The grid reuses its row elements as they scroll out of view (keyed by slot, not by customer):
// wherever the list is scrolled to, each position must show the same customer, whole.
test('scrolling the list far and back shows each position with the same customer', async ({
	page
}) => {
	test.setTimeout(120_000);
	const list = await openDemoList(page);
	await list.grid.getByRole('columnheader', { name: 'Name' }).getByRole('button').click();

	const seen = new Map<number, string>();
	const names = new Map<string, string>();
	const wholeRows = new Map<string, string[]>();
	let firstScreen: Shown[] = [];
	for (const to of [0, 0.5, 1, 0.25, 0.75, 0]) {
		await list.grid.evaluate((el, f) => {
			el.scrollTop = f * (el.scrollHeight - el.clientHeight);
		}, to);
		await page.waitForTimeout(200);
		const rows = await shownRows(list.grid);
		expect(rows.length).toBeGreaterThan(5);
		rows.forEach((r, i) => {
			if (i > 0) expect(r.index).toBe((rows[i - 1]?.index ?? 0) + 1);
			expect(r.href).toMatch(/^\/customers\/[\w-]+$/);
			// The same position always shows the same customer, with the same name.
			expect(seen.get(r.index) ?? r.href).toBe(r.href);
			expect(names.get(r.href) ?? r.name).toBe(r.name);
			// Whole: a reused row shows none of the customer it showed before (company, phone,
			// tags), wherever it was scrolled from.
			expect(r.cellCount).toBe(8);
			expect(wholeRows.get(r.href) ?? r.cells).toEqual(r.cells);
			seen.set(r.index, r.href);
			names.set(r.href, r.name);
			wholeRows.set(r.href, r.cells);
		});
		if (to === 1) expect(rows.at(-1)?.index).toBe(401);
		if (firstScreen.length === 0) firstScreen = rows;
		else if (to === 0) expect(rows.slice(0, 5)).toEqual(firstScreen.slice(0, 5));
	}
	// Every position seen held a different customer.
	expect(new Set(seen.values()).size).toBe(seen.size);

	// A new search reuses the same rows for other customers: the first row is the match.
	const name = firstScreen[2]?.name ?? '';
	await list.search.fill(name);
	await expect(list.rows().first()).toContainText(name);
	// (Two customers may share a name: the one seen must be among the matches, named the same.)
	await expect(list.grid.locator(`a[href="${firstScreen[2]?.href ?? ''}"]`)).toHaveText(name);
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
});

// Only the rows in view exist, placed by one shift of the window that holds them: each must sit
// at its own position, and the keyboard and the mouse must still find and open the active row.
test('rows sit at their position, and arrows, click and Enter open the active row', async ({
	page
}) => {
	const list = await openDemoList(page);
	await list.grid.evaluate((el) => (el.scrollTop = 0.4 * (el.scrollHeight - el.clientHeight)));
	await page.waitForTimeout(200);

	const offsets = await list.grid.evaluate((el) => {
		const body = el.querySelector('.vlist-body') as HTMLElement;
		return [...body.querySelectorAll<HTMLElement>('[role=row]')].map((row) => ({
			index: Number(row.getAttribute('aria-rowindex')) - 2,
			top: row.getBoundingClientRect().top - body.getBoundingClientRect().top,
			height: row.getBoundingClientRect().height
		}));
	});
	expect(offsets.length).toBeGreaterThan(5);
	expect(offsets[0]?.index).toBeGreaterThan(100);
	const rowHeight = offsets[0]?.height ?? 0;
	for (const o of offsets) expect(o.top).toBe(o.index * rowHeight);

	// Home, then two rows down: the grid points at the third customer's row, which is shown.
	await list.grid.focus();
	await page.keyboard.press('Home');
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('ArrowDown');
	const activeId = await list.grid.getAttribute('aria-activedescendant');
	expect(activeId).toBeTruthy();
	const active = page.locator(`[id="${activeId ?? ''}"]`);
	await expect(active).toHaveAttribute('aria-rowindex', '4');
	await expect(active).toHaveClass(/active/);
	const href = (await active.locator('a').getAttribute('href')) ?? '';
	expect(href).toMatch(/^\/customers\/[\w-]+$/);
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(new RegExp(`${href}$`));

	// Back on the list, a click on a row's cell makes that row the active one.
	await list.goto();
	const fifth = list.grid.locator('[aria-rowindex="6"]');
	await fifth.locator('[aria-colindex="2"]').click();
	await expect(fifth).toHaveClass(/active/);
	await expect(list.grid).toHaveAttribute(
		'aria-activedescendant',
		(await fifth.getAttribute('id')) ?? 'missing'
	);
});

// A step farther than the rows beyond the edges reach (a scrollbar drag) renders only the rows in
// view; once scrolling pauses, the rows beyond the edges are back for the next wheel step.
test('a long scroll step shows every row in view, and the rows beyond once it pauses', async ({
	page
}) => {
	const list = await openDemoList(page);
	// Scrolls `by` pixels (if any), then in the next frame: do the rows cover the view, and how many
	// are wholly above and below it.
	const rowsAround = (by: number) =>
		list.grid.evaluate(async (el, by) => {
			if (by) {
				el.scrollTop += by;
				await new Promise((r) => requestAnimationFrame(r));
			}
			const head = (el.querySelector('[role=rowgroup]') as HTMLElement).offsetHeight;
			const body = el.querySelector('.vlist-body') as HTMLElement;
			const origin = body.getBoundingClientRect().top - head;
			const spans = [...body.querySelectorAll<HTMLElement>('[role=row]')].map((r) => {
				const b = r.getBoundingClientRect();
				return { top: b.top - origin, bottom: b.bottom - origin };
			});
			const view = { top: el.scrollTop + head, bottom: el.scrollTop + el.clientHeight };
			return {
				covered:
					Math.min(...spans.map((s) => s.top)) <= view.top &&
					Math.max(...spans.map((s) => s.bottom)) >= view.bottom,
				above: spans.filter((s) => s.bottom <= view.top).length,
				below: spans.filter((s) => s.top >= view.bottom).length
			};
		}, by);
	// A long way down, looked at in the very next frame, before scrolling has paused.
	expect(await rowsAround(6000)).toEqual({ covered: true, above: 0, below: 0 });
	// Paused: two rows above the view and two below.
	await expect.poll(() => rowsAround(0)).toEqual({ covered: true, above: 2, below: 2 });
});

// However far one frame scrolls, the rows then in view are shown in row elements that were
// already there: only their texts change (no row made and its old one thrown away each frame).
test('a jump far down shows the rows in the row elements already made', async ({ page }) => {
	const list = await openDemoList(page);
	const reused = await list.grid.evaluate(async (el) => {
		const rows = () => [...el.querySelectorAll<HTMLElement>('.vlist-body [role=row]')];
		const before = new Set(rows());
		const namesBefore = rows().map((r) => r.querySelector('a')?.textContent);
		el.scrollTop += 9000;
		await new Promise((r) => requestAnimationFrame(r));
		const after = rows();
		return {
			count: after.length,
			made: after.filter((r) => !before.has(r)).length,
			sameNames: after.filter((r, i) => r.querySelector('a')?.textContent === namesBefore[i]).length
		};
	});
	expect(reused.count).toBeGreaterThan(5);
	expect(reused.made).toBe(0);
	// Other customers, in the same elements.
	expect(reused.sameNames).toBeLessThan(reused.count);
});

// Keys move the active row, and the list scrolls just enough to show it whole: below the header
// that sticks to the top, above the bottom edge.
test('keys scroll the active row into view, never under the header', async ({ page }) => {
	const list = await openDemoList(page);
	const activeShown = () =>
		list.grid.evaluate((el) => {
			const id = el.getAttribute('aria-activedescendant');
			const row = id ? document.getElementById(id) : null;
			if (!row) return 'no active row in the DOM';
			const head = (el.querySelector('[role=rowgroup]') as HTMLElement).getBoundingClientRect();
			const b = row.getBoundingClientRect();
			const view = el.getBoundingClientRect();
			return b.top >= head.bottom - 1 && b.bottom <= view.top + el.clientTop + el.clientHeight + 1
				? 'whole'
				: `cut: row ${b.top}-${b.bottom}, view ${head.bottom}-${view.top + el.clientHeight}`;
		});
	await list.grid.focus();
	const active = list.grid.locator('.vlist-body .vlist-row.active');
	for (const [key, rowIndex] of [
		['End', '401'],
		['PageUp', null],
		['ArrowUp', null],
		['Home', '2'],
		['PageDown', null],
		['ArrowDown', null]
	] as const) {
		await page.keyboard.press(key);
		if (rowIndex) await expect(active).toHaveAttribute('aria-rowindex', rowIndex);
		await expect.poll(activeShown).toBe('whole');
	}
});
