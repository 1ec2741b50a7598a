import { i18n } from '$lib/i18n/i18n.svelte';

// The page's message tables, loaded before it renders (route-namespaces.test.ts checks the list).
export const load = () => i18n.load(['team', 'customers', 'goals']);
