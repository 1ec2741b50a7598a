// The Chromium that the end-to-end tests (playwright.config.ts) and the benchmarks drive.
// Playwright's own browser download is not reachable from every machine, so Debian's Chromium is
// the default; RAPPORT_CHROMIUM names another binary (Google Chrome on Ubuntu, whose Chromium is
// a snap), or is `playwright` for the browser that `npx playwright install chromium` downloads.
import { existsSync } from 'node:fs';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * The executable to launch, or undefined for Playwright's own Chromium.
 * @param {Record<string, string | undefined>} env
 * @returns {string | undefined}
 */
export function chromiumExecutable(env = process.env) {
	const wanted = env.RAPPORT_CHROMIUM?.trim();
	if (wanted === 'playwright') return undefined;
	const path = wanted || DEBIAN_CHROMIUM;
	if (!existsSync(path))
		throw new Error(
			`No Chromium at ${path}: install Debian's chromium, or set RAPPORT_CHROMIUM to a Chromium or Chrome binary (or to "playwright"); see README.md.`
		);
	return path;
}

export const DEBIAN_HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';

/**
 * The executable the end-to-end tests launch. They run headless, and Chromium's headless shell
 * (Debian's chromium-headless-shell, the build Playwright's own headless runs use) is the same
 * engine without the browser's window and UI layers, so each test costs the machine less CPU
 * (the suite is CPU-bound on a 2-core machine). Debian's Chromium when the shell is not
 * installed; RAPPORT_CHROMIUM still names any other. The benchmarks keep the full Chromium
 * (`chromiumExecutable`), whose figures bench/RESULTS.md compares over time.
 * @param {Record<string, string | undefined>} env
 * @returns {string | undefined}
 */
export function testChromiumExecutable(env = process.env) {
	if (!env.RAPPORT_CHROMIUM?.trim() && existsSync(DEBIAN_HEADLESS_SHELL))
		return DEBIAN_HEADLESS_SHELL;
	return chromiumExecutable(env);
}
