import { owners } from '$lib/components/customer/owners.svelte';
import { customerStore } from '$lib/db/customer-store.svelte';
import { ownsAnyCustomer } from '$lib/db/repos/customer-reads';
import { defaultOwner } from './default-owner';

/**
 * Whose work a day page opens on (see defaultOwner). When this device's member owns customers
 * (an account manager on their own device) one index lookup says so, and the page need not wait
 * for the whole customer list; otherwise the owner with the most customers, once all are in.
 */
export async function initialOwner(): Promise<string> {
	await owners.load();
	const me = owners.meId ?? '';
	if (me && (await ownsAnyCustomer(me))) return me;
	await customerStore.load();
	return defaultOwner(me, customerStore.ownerCounts());
}
