/**
 * Which reusable row element (a "slot", the key of a virtual list's rows) shows each item in view.
 *
 * A row that stays in view keeps its slot, so its element and cells stay as they are (the list
 * only moves it). A row that comes into view takes a slot that a row leaving the view gave up,
 * so its element is reused with new texts instead of destroyed and made again; only when more
 * rows are in view than before does a row take a new slot, the lowest unused. However far one
 * frame scrolls, the list keeps one set of row elements, made once, as long as the number of rows
 * in view stays the same.
 */

/** The slots of the rows first (inclusive) to last (exclusive): slots[i - first] is row i's. */
export interface SlotPlacement {
	readonly first: number;
	readonly slots: readonly number[];
}

export const NO_PLACEMENT: SlotPlacement = { first: 0, slots: [] };

/** Slots for rows first..last, keeping those of `previous` for the rows it also had. */
export function placeRows(previous: SlotPlacement, first: number, last: number): SlotPlacement {
	const count = Math.max(0, last - first);
	const slots = new Array<number>(count);
	// Slots in use, by rows that stay and then by rows placed. A new slot is the lowest one not
	// in use, below the number of rows in view: slots never outnumber the most rows ever in view
	// at once.
	const taken: boolean[] = [];
	for (let i = 0; i < count; i++) {
		const kept = previous.slots[first + i - previous.first];
		slots[i] = kept ?? -1;
		if (kept !== undefined) taken[kept] = true;
	}
	// Rows that come take first the slots that rows leaving gave up, in the order those rows
	// were in: when a jump replaces every row, the elements keep their order and none is moved.
	const freed = previous.slots.filter((slot) => !taken[slot]);
	let next = 0;
	let fresh = 0;
	for (let i = 0; i < count; i++) {
		if (slots[i] !== -1) continue;
		let slot = freed[next++];
		if (slot === undefined) {
			while (taken[fresh]) fresh++;
			slot = fresh;
		}
		slots[i] = slot;
		taken[slot] = true;
	}
	return { first, slots };
}
