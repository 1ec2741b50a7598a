// The end-to-end tests' Chromium (Debian's, or RAPPORT_CHROMIUM: scripts/chromium.mjs), headless,
// with the same flags (playwright.config.ts).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumExecutable } from '../../scripts/chromium.mjs';
export const ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	// performance.memory reports exact (not bucketed) heap sizes.
	'--enable-precise-memory-info'
];

/**
 * A persistent browser profile (IndexedDB survives a page reload and a relaunch). `dir` reuses
 * a seeded profile; `copyOf` starts from a copy of one; otherwise a fresh, empty profile.
 * `timezoneId` sets the page's zone (the machine's otherwise).
 */
export async function launch({ dir, copyOf, timezoneId } = {}) {
	const owned = !dir;
	const profile = dir ?? mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-'));
	if (copyOf) cpSync(copyOf, profile, { recursive: true });
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: chromiumExecutable(),
		headless: true,
		args: ARGS,
		viewport: { width: 1280, height: 800 },
		locale: 'zh-CN',
		...(timezoneId ? { timezoneId } : {}),
		// The service worker would cache and answer from a previous build.
		serviceWorkers: 'block'
	});
	// The machine is shared and often busy: navigations and waits get minutes, not seconds.
	context.setDefaultNavigationTimeout(180_000);
	context.setDefaultTimeout(180_000);
	const close = async () => {
		await context.close();
		if (owned) rmSync(profile, { recursive: true, force: true });
	};
	return { context, profile, close };
}

export async function chromiumVersion() {
	const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: ARGS });
	const v = browser.version();
	await browser.close();
	return v;
}

/** The page's JS heap in MB after a forced garbage collection where the page allows it. */
export async function heapMb(page) {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
	const { usedSize } = await cdp.send('Runtime.getHeapUsage');
	await cdp.detach();
	return usedSize / 2 ** 20;
}
