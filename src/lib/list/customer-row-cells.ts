/**
 * The cells of one row of the customer list, written straight into the row's element.
 *
 * Why not a Svelte template: a fast scroll through 100,000 customers shows other customers in
 * every row of the list every frame. As a template, each row cost a dozen reactive effects and
 * their bookkeeping in every frame, most of a sweep frame's garbage; written here, a frame makes
 * less garbage and less work (bench/RESULTS.md). The cells are made once per row element; then
 * only their texts change, and only where they differ. Texts only: never markup (no innerHTML).
 */
import type { CustomerRow } from '$lib/domain/customer/customer-row';

/** What a row shows besides the stored name, company, city and tags (made by the grid). */
export interface RowText {
	href: string;
	tier: string;
	stage: string;
	phone: string;
	owner: string;
	lastContact: string;
}

/** Which text of a row each node holds, in the order of `Cells.texts`. */
const Part = {
	Name: 0,
	Company: 1,
	Tier: 2,
	Stage: 3,
	City: 4,
	Phone: 5,
	Owner: 6,
	LastContact: 7
} as const;
type Part = (typeof Part)[keyof typeof Part];

/**
 * The nodes of one row whose texts change as the row shows another customer, and what was last
 * written into them: compared with that, not with what the DOM returns (each read of a node's
 * text makes a new string, garbage in every frame of a scroll).
 */
interface Cells {
	link: HTMLAnchorElement;
	href: string;
	texts: Text[];
	written: string[];
	tags: HTMLElement;
	tagsWritten: readonly string[];
}

const made = new WeakMap<HTMLElement, Cells>();

function cell(row: HTMLElement, col: number, className = ''): HTMLElement {
	const el = document.createElement('div');
	el.className = className ? `cell ${className}` : 'cell';
	el.setAttribute('role', 'gridcell');
	el.setAttribute('aria-colindex', String(col));
	row.append(el);
	return el;
}

function textIn(parent: HTMLElement): Text {
	const text = document.createTextNode('');
	parent.append(text);
	return text;
}

function makeCells(row: HTMLElement): Cells {
	const nameCell = cell(row, 1, 'name');
	const link = document.createElement('a');
	// The grid holds the focus and points at the active row; Enter opens it.
	link.tabIndex = -1;
	nameCell.append(link);
	const sub = document.createElement('span');
	// Always there, hidden by CSS while empty: a reused row only has its text changed.
	sub.className = 'sub';
	nameCell.append(sub);
	// In the order of Part.
	const texts = [
		textIn(link),
		textIn(sub),
		textIn(cell(row, 2)),
		textIn(cell(row, 3)),
		textIn(cell(row, 4)),
		textIn(cell(row, 5, 'num')),
		textIn(cell(row, 6)),
		textIn(cell(row, 7))
	];
	const cells: Cells = {
		link,
		href: '',
		texts,
		written: texts.map(() => ''),
		tags: cell(row, 8, 'tags'),
		tagsWritten: []
	};
	made.set(row, cells);
	return cells;
}

/** Writes a text if it differs from what the node holds: an unchanged text costs no layout. */
function set(c: Cells, which: Part, value: string): void {
	if (c.written[which] === value) return;
	c.written[which] = value;
	const node = c.texts[which];
	if (node) node.data = value;
}

/**
 * One pill per tag, reused by position. Pills beyond the count are hidden, not removed: a fast
 * scroll shows customers with 0 to 3 tags in turn in the same row, and the row keeps its
 * elements instead of making and throwing away pills as it goes.
 */
function setTags(c: Cells, tags: readonly string[]): void {
	const before = c.tagsWritten;
	if (before === tags) return;
	c.tagsWritten = tags;
	const pills = c.tags.children as HTMLCollectionOf<HTMLElement>;
	for (let i = 0; i < Math.max(pills.length, tags.length); i++) {
		const tag = tags[i];
		let pill = pills[i];
		if (tag === undefined) {
			// Emptied too: no text of another customer left in the row, even out of sight.
			if (pill && !pill.hidden) {
				pill.hidden = true;
				pill.textContent = '';
			}
			continue;
		}
		if (!pill) {
			pill = document.createElement('span');
			pill.className = 'tag';
			c.tags.append(pill);
		} else if (before[i] === tag && !pill.hidden) continue;
		pill.textContent = tag;
		pill.hidden = false;
	}
}

/** Writes customer `r` into the row element, making its cells the first time. */
export function paintCustomerRow(row: HTMLElement, r: CustomerRow, x: RowText): void {
	const c = made.get(row) ?? makeCells(row);
	if (c.href !== x.href) {
		c.href = x.href;
		c.link.setAttribute('href', x.href);
	}
	set(c, Part.Name, r.name);
	set(c, Part.Company, r.company);
	set(c, Part.Tier, x.tier);
	set(c, Part.Stage, x.stage);
	set(c, Part.City, r.city);
	set(c, Part.Phone, x.phone);
	set(c, Part.Owner, x.owner);
	set(c, Part.LastContact, x.lastContact);
	setTags(c, r.tags);
}
