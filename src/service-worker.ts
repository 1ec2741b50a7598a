/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Rapport's offline shell. Every build file and static file is precached at install, plus '/'
 * (the SPA fallback index.html, the same page for every route). Assets are served cache-first;
 * navigations try the network and fall back to the cached shell, so after one visit the app
 * opens offline at any URL. The data itself lives in IndexedDB, not here.
 *
 * A new version installs and then WAITS: the page posts {type:'SKIP_WAITING'} when the user
 * clicks Reload (src/lib/pwa/update.svelte.ts), so an open form is never swapped out under them.
 */
import { build, files, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;

const CACHE = `rapport-${version}`;
const SHELL = '/';
const PRECACHE = [...new Set([...build, ...files, SHELL])];
const PRECACHED = new Set(PRECACHE);
/** A navigation that has not answered by then is served from the cache (a "lie-fi" network). */
const NAVIGATION_TIMEOUT_MS = 4000;

sw.addEventListener('install', (event) => {
	event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) {
				if (key !== CACHE && key.startsWith('rapport-')) await caches.delete(key);
			}
			// The first install takes control of the open page so it works offline right away.
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('message', (event) => {
	if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void sw.skipWaiting();
});

sw.addEventListener('fetch', (event) => {
	const req = event.request;
	if (req.method !== 'GET') return;
	const url = new URL(req.url);
	if (url.origin !== sw.location.origin) return;

	if (req.mode === 'navigate') {
		event.respondWith(navigation(req));
	} else if (PRECACHED.has(url.pathname)) {
		event.respondWith(cacheFirst(req, url.pathname));
	}
	// Anything else goes to the network untouched.
});

async function cacheFirst(req: Request, path: string): Promise<Response> {
	const cache = await caches.open(CACHE);
	return (await cache.match(path)) ?? fetch(req);
}

async function navigation(req: Request): Promise<Response> {
	const cache = await caches.open(CACHE);
	const network = fetch(req).then((res) => {
		// A server error page is worse than the cached shell.
		if (res.status >= 500) throw new Error(`HTTP ${res.status}`);
		return res;
	});
	const timeout = new Promise<never>((_, reject) =>
		setTimeout(() => reject(new Error('timeout')), NAVIGATION_TIMEOUT_MS)
	);
	try {
		return await Promise.race([network, timeout]);
	} catch {
		const shell = await cache.match(SHELL);
		return shell ?? network;
	}
}
