import { defineConfig } from '@playwright/test';
import { testChromiumExecutable } from './scripts/chromium.mjs';

// Debian's Chromium headless shell, or its Chromium, unless RAPPORT_CHROMIUM names another
// (scripts/chromium.mjs).
export const chromiumArgs = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

// RAPPORT_PORT / RAPPORT_BUILD_DIR let several builds be tested side by side.
const port = Number(process.env.RAPPORT_PORT ?? 4173);
const buildDir = process.env.RAPPORT_BUILD_DIR ?? 'build';

export default defineConfig({
	testDir: 'e2e',
	testMatch: '**/*.e2e.ts',
	fullyParallel: true,
	workers: 2,
	retries: 0,
	timeout: 90_000,
	// Generous waits: CI is a 2-core machine, and the first IndexedDB open of a fresh profile can
	// take seconds there. Waits poll, so a fast machine does not pay for them.
	expect: { timeout: 15_000 },
	reporter: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		launchOptions: { executablePath: testChromiumExecutable(), args: chromiumArgs },
		// Blocked: installing the worker precaches the whole build in every test's fresh context,
		// which costs each test seconds on a 2-core machine. e2e/pwa.e2e.ts allows it and tests it.
		serviceWorkers: 'block',
		// A trace (a screenshot and a DOM snapshot at every step) adds a large share to each test's
		// CPU, and the suite is CPU-bound; to keep one of a failure, run the failing file again with
		// `--trace retain-on-failure`. A failure still writes the page as it was (error-context).
		trace: 'off'
	},
	webServer: {
		command: `npx sirv ${buildDir} --single --port ${port} --host 127.0.0.1 --quiet`,
		url: `http://127.0.0.1:${port}`,
		// Never reuse: sirv lists the build's files when it starts, so a server left from an
		// earlier build would answer new chunk names with the SPA fallback and the app never boots.
		reuseExistingServer: false,
		timeout: 30_000
	}
});
