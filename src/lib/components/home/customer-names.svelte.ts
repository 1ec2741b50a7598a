import { customerStore } from '$lib/db/customer-store.svelte';

/**
 * Customer names by id, from the in-memory customer list (no IndexedDB read per row). The map is
 * rebuilt only when the list itself changes.
 */
let rows: unknown = null;
// A cache rebuilt whole from the store's rows, never mutated: no reactivity needed.
let byId = new Map<string, string>();

export function customerName(id: string | null): string {
	if (!id) return '';
	if (rows !== customerStore.rows) {
		rows = customerStore.rows;
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		byId = new Map(customerStore.rows.map((r) => [r.id, r.name]));
	}
	return byId.get(id) ?? '';
}
