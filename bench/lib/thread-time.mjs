// Where a frame's wall-clock time went: the renderer main thread's time on a CPU and its time
// waiting for one, read from /proc by the bench process while the page scrolls (Linux only).
//
// Why: on this 2-core virtual machine a few scroll frames in a thousand take longer than 16 ms
// of wall-clock time although the thread did much less work in them. /proc/<pid>/task/<tid>/
// schedstat gives, in nanoseconds, the thread's time on a CPU and its time runnable but waiting
// for a CPU (the other threads of Chromium, V8's GC helpers and other processes on the machine
// compete for 2 cores). With paravirtual steal accounting (CONFIG_PARAVIRT_TIME_ACCOUNTING, as
// on this kernel) time the host took the virtual CPU away counts as neither, so the rest of a
// frame's wall time is that, or the thread blocked.
import { readFileSync } from 'node:fs';
import { browserProcesses } from './memory.mjs';

/** A thread's [time on a CPU, time waiting for one] in ms, or null once it is gone. */
function schedstat(pid, tid) {
	try {
		const [cpu, wait] = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ');
		return [Number(cpu) / 1e6, Number(wait) / 1e6];
	} catch {
		return null;
	}
}

/**
 * The main thread of the busiest renderer of the Chromium that runs on `profileDir` (a renderer's
 * main thread has the process's own pid as tid). Undefined where /proc cannot tell.
 */
export function rendererMainThread(profileDir) {
	const renderers = browserProcesses(profileDir).filter((p) => p.cmd.includes('--type=renderer'));
	const cpu = (p) => schedstat(p.pid, p.pid)?.[0] ?? 0;
	renderers.sort((a, b) => cpu(b) - cpu(a));
	return renderers[0]?.pid;
}

/**
 * Samples the thread's CPU and run-queue times every millisecond until stopped. `split(start,
 * end)` (wall-clock ms, as performance.timeOrigin + now in the page) interpolates both at the
 * ends of a frame; the samples come every 1 to 4 ms, so a frame's split is good to a few ms.
 */
export function sampleThread(pid, tid = pid) {
	const samples = [];
	const take = () => {
		const times = schedstat(pid, tid);
		if (times) samples.push([performance.timeOrigin + performance.now(), ...times]);
	};
	take();
	const timer = setInterval(take, 1);
	const at = (t, k) => {
		let lo = 0;
		let hi = samples.length - 1;
		while (hi - lo > 1) {
			const mid = (lo + hi) >> 1;
			if (samples[mid][0] <= t) lo = mid;
			else hi = mid;
		}
		const a = samples[lo];
		const b = samples[hi];
		const f = b[0] > a[0] ? Math.min(1, Math.max(0, (t - a[0]) / (b[0] - a[0]))) : 0;
		return a[k] + (b[k] - a[k]) * f;
	};
	return {
		stop() {
			clearInterval(timer);
			take();
		},
		split(start, end) {
			const wall = end - start;
			const cpu = at(end, 1) - at(start, 1);
			const wait = at(end, 2) - at(start, 2);
			return { wall, cpu, wait, other: Math.max(0, wall - cpu - wait) };
		}
	};
}

/**
 * The thread's time on a CPU and waiting for one while `fn` runs (ms). With a busy loop in the
 * page as `fn` this says how much of a core the machine gives the renderer at best: here a 500 ms
 * loop got 460 to 500 ms in the seeded list page, and 150 of 200 ms in a just-started browser
 * (hundreds of short waits while Chromium's other threads ran on the same core).
 */
export async function threadTimeDuring(pid, fn, tid = pid) {
	const take = () => schedstat(pid, tid) ?? [0, 0];
	const before = take();
	await fn();
	const after = take();
	return { cpu: after[0] - before[0], wait: after[1] - before[1] };
}
