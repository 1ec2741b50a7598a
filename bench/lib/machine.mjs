// Which machine, which browser, and how busy it was: every figure is recorded with these.
import { readFileSync } from 'node:fs';
import os from 'node:os';

export function machine() {
	const cpus = os.cpus();
	return {
		cpu: `${cpus.length} × ${cpus[0]?.model?.trim() ?? 'unknown CPU'}`,
		ramGiB: Math.round(os.totalmem() / 2 ** 30),
		kernel: `${os.type()} ${os.release()}`,
		node: process.version,
		cores: cpus.length
	};
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
