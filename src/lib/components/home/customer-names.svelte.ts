import { customerStore } from '$lib/db/customer-store.svelte';

/** A customer's name from the in-memory customer list (no IndexedDB read); '' when unknown. */
export function customerName(id: string | null): string {
	return id ? (customerStore.get(id)?.name ?? '') : '';
}
