// Which machine, which browser, and how busy it was: every figure is recorded with these.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

export function machine() {
	const cpus = os.cpus();
	return {
		cpu: `${cpus.length} × ${cpus[0]?.model?.trim() ?? 'unknown CPU'}`,
		ramGiB: Math.round(os.totalmem() / 2 ** 30),
		kernel: `${os.type()} ${os.release()}`,
		node: process.version,
		cores: cpus.length,
		cjkFont: cjkFont()
	};
}

/**
 * The font Chinese text is drawn with, or null. Without one (Debian's Chromium does not pull one
 * in) every Chinese character goes through font fallback and lays out otherwise than on any
 * machine a Chinese user has, so the list's frames are not a Chinese user's
 * (docs/perf/2026-12-02-list-packed-rows-and-font.md).
 */
function cjkFont() {
	try {
		const out = execFileSync('fc-match', ['-f', '%{family[0]}', ':lang=zh-cn'], {
			encoding: 'utf8'
		});
		const list = execFileSync('fc-list', [':lang=zh-cn', 'family'], { encoding: 'utf8' });
		return list.trim() ? out.trim() : null;
	} catch {
		return null;
	}
}

/** The 1-minute load average; other people build and test on the same machine. */
export function load1() {
	try {
		return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
	} catch {
		return os.loadavg()[0];
	}
}

export const isoMinute = (d = new Date()) =>
	d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
