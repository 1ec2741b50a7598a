import { CORE_NAMESPACES } from '$lib/i18n/catalog';
import { i18n } from '$lib/i18n/i18n.svelte';

// A local-first SPA: nothing is rendered on a server, everything comes from IndexedDB.
export const ssr = false;
export const prerender = false;
export const trailingSlash = 'never';

// The messages every page needs (header, banners); each page's +page.ts loads its own.
export const load = () => i18n.load(CORE_NAMESPACES);
