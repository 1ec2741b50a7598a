// The lines that open every suite's section: machine, browser, date and how busy the machine was.
import { load1, machine, isoMinute } from './machine.mjs';

/** Taken when a suite starts; `stamp()` gives the per-row "when, load" cell. */
export function suiteHeader(chromium) {
	const m = machine();
	const load = load1();
	const when = isoMinute();
	const busy = load >= m.cores * 0.75;
	const text = [
		`Measured ${when} by \`BENCH_SUITES=…\` bench/run.mjs. Machine: ${m.cpu}, ${m.ramGiB} GiB RAM, ${m.kernel}; Chromium ${chromium} headless (--disable-gpu, flags of playwright.config.ts); Node ${m.node}; Chinese font: ${m.cjkFont ?? 'none (install fonts-noto-cjk, see bench/README.md)'}.`,
		`1-minute load average when the suite started: **${load.toFixed(2)}** on ${m.cores} cores${
			busy
				? ' — the machine was busy (other engineers build and test on it at the same time), so these figures are pessimistic: the app competed for the CPU.'
				: '.'
		}`
	].join('\n');
	return { text, when };
}

export const rowStamp = () => `${isoMinute().slice(5)}, load ${load1().toFixed(1)}`;
