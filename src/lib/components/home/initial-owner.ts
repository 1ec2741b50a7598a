import { owners } from '$lib/components/customer/owners.svelte';
import { customerStore } from '$lib/db/customer-store.svelte';
import { ownsAnyCustomer } from '$lib/db/repos/customer-reads';
import { defaultOwner } from './default-owner';

/**
 * Whose work a day page opens on (see defaultOwner). While the customer list is still loading
 * (a cold start: seconds at 100,000 customers), one index lookup says whether this device's
 * member owns customers (an account manager on their own device), so that the page need not
 * wait for the whole list; otherwise the owner with the most customers, once all are in.
 */
export async function initialOwner(): Promise<string> {
	await owners.load();
	const me = owners.meId ?? '';
	if (!customerStore.complete && me && (await ownsAnyCustomer(me))) return me;
	await customerStore.load();
	return defaultOwner(me, customerStore.ownerCounts());
}
