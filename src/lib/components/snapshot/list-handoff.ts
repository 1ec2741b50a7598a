/**
 * Hands the customers shown on the list page to the Share page's export, in memory only: a
 * selection is not worth storing, and a reload of /share simply starts with no hand-over.
 * Taken once, so coming back to Share later does not reuse an old list.
 */
export interface ListHandoff {
	customerIds: readonly string[];
	label: string;
}

let pending: ListHandoff | null = null;

export function handOverList(h: ListHandoff): void {
	pending = { customerIds: [...h.customerIds], label: h.label };
}

export function takeListHandoff(): ListHandoff | null {
	const h = pending;
	pending = null;
	return h;
}
