import { owners } from '$lib/components/customer/owners.svelte';
import { customerStore } from '$lib/db/customer-store.svelte';
import { defaultOwner } from './default-owner';

/** Whose work a day page opens on (see defaultOwner), once the team and the customers are in. */
export async function initialOwner(): Promise<string> {
	await Promise.all([owners.load(), customerStore.load()]);
	return defaultOwner(owners.meId ?? '', customerStore.ownerCounts());
}
