// Peak memory of a browser while something runs: the resident set of the Chromium browser
// process and all its children (renderer, workers' renderer, storage, GPU), read from /proc.
// The JS heap alone misses the worker and IndexedDB's own memory, which is where an import of a
// million rows would run out.
import { readdirSync, readFileSync } from 'node:fs';

function processes() {
	const out = [];
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8');
			const rss = Number(readFileSync(`/proc/${name}/statm`, 'utf8').split(' ')[1]) * 4096;
			out.push({ pid: Number(name), ppid, cmd, rss });
		} catch {
			/* gone meanwhile */
		}
	}
	return out;
}

/**
 * The Chromium started on `profile` and its descendants (pid, ppid, command line with NULs
 * between arguments, RSS in bytes); empty where it is not running or there is no /proc.
 */
export function browserProcesses(profile) {
	let all;
	try {
		all = processes();
	} catch {
		return [];
	}
	const root = all.find(
		(p) => p.cmd.includes(`--user-data-dir=${profile}`) && !p.cmd.includes('--type=')
	);
	if (!root) return [];
	const ids = new Set([root.pid]);
	for (let grew = true; grew;) {
		grew = false;
		for (const p of all)
			if (!ids.has(p.pid) && ids.has(p.ppid)) {
				ids.add(p.pid);
				grew = true;
			}
	}
	return all.filter((p) => ids.has(p.pid));
}

/** Total RSS in MB of the Chromium started on `profile` and its descendants. */
export function browserRssMb(profile) {
	const tree = browserProcesses(profile);
	if (!tree.length) return undefined;
	return tree.reduce((sum, p) => sum + p.rss, 0) / 2 ** 20;
}

/** Samples `browserRssMb` every `ms` until stopped; returns the peak. */
export function rssSampler(profile, ms = 500) {
	let peak = 0;
	const take = () => (peak = Math.max(peak, browserRssMb(profile) ?? 0));
	take();
	const timer = setInterval(take, ms);
	return {
		stop() {
			clearInterval(timer);
			take();
			return peak;
		}
	};
}
