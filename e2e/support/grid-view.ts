import { expect, type Locator } from '@playwright/test';

/**
 * A virtual ARIA grid (the customer list) read as a person sees it: the data rows that show
 * between the sticky header and the bottom of the scroll view, where they are drawn and what
 * they say. Nothing here depends on how many rows the grid keeps out of sight or how it makes
 * them.
 */

/** A data row in view. */
export interface RowSeen {
	/** Its item: aria-rowindex − 2 (the header is row 1). */
	index: number;
	href: string;
	name: string;
	/** What each cell shows: its visible parts in order (name and company, each tag pill). */
	cells: string[][];
}

export interface GridSeen {
	scrollTop: number;
	/** Height of the scroll view below the header. */
	viewHeight: number;
	rowHeight: number;
	/** The rows in view, top to bottom. */
	rows: RowSeen[];
	/** Rows in view not drawn where their index puts them: by how many pixels, up or down. */
	misplaced: { index: number; by: number }[];
	/** Bands of the view that no row covers, in pixels from its top (none above the list's end). */
	blank: { from: number; to: number }[];
}

/** A scroll to make before looking: to a scrollTop, by some pixels, or to a fraction of the way. */
export type Move = { to: number } | { by: number } | { fraction: number };

/**
 * Reads the grid. With a move, scrolls first and reads in the very next animation frame, before
 * scrolling has paused.
 */
export function seeGrid(grid: Locator, move?: Move): Promise<GridSeen> {
	return grid.evaluate(async (el, move) => {
		if (move) {
			if ('to' in move) el.scrollTop = move.to;
			else if ('by' in move) el.scrollTop += move.by;
			else el.scrollTop = move.fraction * (el.scrollHeight - el.clientHeight);
			await new Promise((r) => requestAnimationFrame(r));
		}
		const head = el.querySelector('[role=rowgroup]:has([role=columnheader])');
		const viewTop = head?.getBoundingClientRect().bottom ?? 0;
		const viewBottom = el.getBoundingClientRect().top + el.clientTop + el.clientHeight;
		const dataRows = [...el.querySelectorAll<HTMLElement>('[role=row]')].filter(
			(r) => Number(r.getAttribute('aria-rowindex')) >= 2
		);
		const rowHeight = dataRows[0]?.getBoundingClientRect().height ?? 0;
		const count = Number(el.getAttribute('aria-rowcount')) - 1;
		// Where row i is drawn if the list is right: below the header, i rows down, scrolled up.
		const topOf = (i: number) => viewTop + i * rowHeight - el.scrollTop;
		const shown = (node: Element): string => (node as HTMLElement).innerText.trim();
		const inView = dataRows
			.map((row) => ({ row, box: row.getBoundingClientRect() }))
			.filter(({ box }) => box.bottom > viewTop + 0.5 && box.top < viewBottom - 0.5)
			.sort((a, b) => a.box.top - b.box.top);
		const rows = inView.map(({ row }) => {
			const link = row.querySelector('a');
			return {
				index: Number(row.getAttribute('aria-rowindex')) - 2,
				href: link?.getAttribute('href') ?? '',
				name: link ? shown(link) : '',
				cells: [...row.querySelectorAll('[role=gridcell]')].map((cell) => {
					// A cell of parts (a name over a company, tag pills) shows those that are visible;
					// a cell of text shows its text, or nothing when it is empty.
					if (cell.children.length === 0) return shown(cell) ? [shown(cell)] : [];
					return [...cell.children].filter((c) => c.checkVisibility()).map(shown);
				})
			};
		});
		const misplaced = inView
			.map(({ row, box }) => {
				const index = Number(row.getAttribute('aria-rowindex')) - 2;
				const by = Math.abs(box.top - topOf(index)) < 1 ? 0 : box.top - topOf(index);
				return { index, by, height: box.height };
			})
			.filter((r) => r.by !== 0 || Math.abs(r.height - rowHeight) >= 1)
			.map(({ index, by }) => ({ index, by }));
		const end = Math.min(viewBottom, topOf(count));
		const blank: { from: number; to: number }[] = [];
		let covered = viewTop;
		for (const { box } of inView) {
			if (box.top > covered + 0.5) blank.push({ from: covered - viewTop, to: box.top - viewTop });
			covered = Math.max(covered, box.bottom);
		}
		if (covered < end - 0.5) blank.push({ from: covered - viewTop, to: end - viewTop });
		return {
			scrollTop: el.scrollTop,
			viewHeight: viewBottom - viewTop,
			rowHeight,
			rows,
			misplaced,
			blank
		};
	}, move);
}

/**
 * Scrolls (if asked), then waits until the rows in view cover it with no blank band, each drawn
 * at its own position, and reads the grid.
 */
export async function settledGrid(grid: Locator, move?: Move): Promise<GridSeen> {
	if (move) await seeGrid(grid, move);
	await expect
		.poll(async () => {
			const { blank, misplaced } = await seeGrid(grid);
			return { blank, misplaced };
		})
		.toEqual({ blank: [], misplaced: [] });
	return seeGrid(grid);
}

/** The row the grid points at (aria-activedescendant), as shown. */
export interface ActiveRow {
	/** aria-rowindex, or null when the grid points at no row in the DOM. */
	rowIndex: string | null;
	/** Drawn on another background than every other row in view. */
	highlighted: boolean;
	/** Wholly in view: below the sticky header and above the bottom of the view. */
	whole: boolean;
	href: string;
}

export function activeRow(grid: Locator): Promise<ActiveRow> {
	return grid.evaluate((el) => {
		const id = el.getAttribute('aria-activedescendant');
		const row = id ? document.getElementById(id) : null;
		if (!row) return { rowIndex: null, highlighted: false, whole: false, href: '' };
		const head = el.querySelector('[role=rowgroup]:has([role=columnheader])');
		const viewTop = head?.getBoundingClientRect().bottom ?? 0;
		const viewBottom = el.getBoundingClientRect().top + el.clientTop + el.clientHeight;
		const box = row.getBoundingClientRect();
		const background = (r: Element) => getComputedStyle(r).backgroundColor;
		const others = [...el.querySelectorAll('[role=row]')].filter(
			(r) => r !== row && Number(r.getAttribute('aria-rowindex')) >= 2
		);
		return {
			rowIndex: row.getAttribute('aria-rowindex'),
			highlighted: others.every((r) => background(r) !== background(row)),
			whole: box.top >= viewTop - 1 && box.bottom <= viewBottom + 1,
			href: row.querySelector('a')?.getAttribute('href') ?? ''
		};
	});
}
