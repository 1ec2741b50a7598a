import { i18n } from '$lib/i18n/i18n.svelte';

// The page's message tables, loaded before it renders (route-namespaces.test.ts checks the list).
// The day view's own (home, tasks, deals, tickets, interactions) load with it, once there are
// customers to show.
export const load = () => i18n.load(['customers']);
