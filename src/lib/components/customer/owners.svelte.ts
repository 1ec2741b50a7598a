import { listMembers } from '$lib/db/repos/members';
import { getSession } from '$lib/db/session';
import { t } from '$lib/i18n/i18n.svelte';

export interface Owner {
	id: string;
	name: string;
}

/** Team members who can own customers, with this device's member first; loaded once. */
class Owners {
	list = $state.raw<Owner[]>([]);
	meId = $state<string | null>(null);
	#byId = $derived(new Map(this.list.map((o) => [o.id, o.name])));
	#loading: Promise<void> | null = null;

	load(): Promise<void> {
		this.#loading ??= (async () => {
			const [session, members] = await Promise.all([getSession(), listMembers()]);
			const me = { id: session.member.id, name: session.member.name || t('customers.owner_me') };
			this.meId = me.id;
			this.list = [
				me,
				...members.filter((m) => m.id !== me.id).map((m) => ({ id: m.id, name: m.name }))
			];
		})().catch((e: unknown) => {
			this.#loading = null;
			throw e;
		});
		return this.#loading;
	}

	/** Arrow function so it can be passed around as a callback. */
	name = (id: string): string => this.#byId.get(id) || t('customers.owner_unknown');
}

export const owners = new Owners();
