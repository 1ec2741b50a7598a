// A local-first SPA: nothing is rendered on a server, everything comes from IndexedDB.
export const ssr = false;
export const prerender = false;
export const trailingSlash = 'never';
