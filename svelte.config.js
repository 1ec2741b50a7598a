import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// A static site with client-side routing: every unknown path falls back to the SPA shell.
		// RAPPORT_BUILD_DIR / RAPPORT_KIT_DIR let parallel builds (benchmarks, helpers) not collide.
		adapter: adapter({
			pages: process.env.RAPPORT_BUILD_DIR ?? 'build',
			assets: process.env.RAPPORT_BUILD_DIR ?? 'build',
			fallback: 'index.html',
			precompress: false,
			strict: true
		}),
		outDir: process.env.RAPPORT_KIT_DIR ?? '.svelte-kit',
		// Registered by hand in src/lib/pwa so that updates wait for the user's click.
		serviceWorker: { register: false },
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self', 'blob:'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
