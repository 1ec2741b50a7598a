// Where a frame's wall-clock time went: the renderer main thread's time on a CPU and its time
// waiting for one, read from /proc by the bench process while the page scrolls (Linux only).
//
// Why: on a 2-core virtual machine some scroll frames take longer than 16 ms of wall-clock time
// although the thread did much less work in them. /proc/<pid>/task/<tid>/
// schedstat gives, in nanoseconds, the thread's time on a CPU and its time runnable but waiting
// for a CPU (the other threads of Chromium, V8's GC helpers and other processes on the machine
// compete for 2 cores). With paravirtual steal accounting (CONFIG_PARAVIRT_TIME_ACCOUNTING, as
// on this kernel) time the host took the virtual CPU away counts as neither, so the rest of a
// frame's wall time is that, or the thread blocked.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { browserProcesses } from './memory.mjs';

/**
 * How far behind a running thread's CPU time in schedstat may be, in ms: the kernel adds a
 * running thread's time at each scheduler tick (and when it stops running), so read from
 * outside, a thread that runs steadily shows its time in steps of one tick. Here CONFIG_HZ is
 * 250: steps of 4 ms, measured. Without /proc/config.gz, the slowest tick Linux has (100 Hz).
 */
export function schedulerTickMs() {
	try {
		const config = gunzipSync(readFileSync('/proc/config.gz')).toString('latin1');
		const hz = Number(/^CONFIG_HZ=(\d+)$/m.exec(config)?.[1]);
		if (hz > 0) return 1000 / hz;
	} catch {
		// no config exposed: assume the worst
	}
	return 10;
}

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
 * Samples the thread's CPU and run-queue times every 2 ms until stopped (the counter moves in
 * ticks anyway; reading it every millisecond took a tenth of a core from Chromium). `split(start,
 * end)` (wall-clock ms, as performance.timeOrigin + now in the page) says where a frame's wall
 * time went: `cpu` and `wait` interpolated at its ends, and `cpuMax`, the most time on a CPU the
 * frame can have had although the counter lags by up to a tick (schedulerTickMs). `cpuMax` takes
 * the counter a tick after the frame's end, so it also counts what the thread did right after
 * the frame (painting it): a bound, not a figure.
 */
export function sampleThread(pid, tid = pid, tick = schedulerTickMs()) {
	const now = () => performance.timeOrigin + performance.now();
	// [time before the read, time after it, CPU ms, waiting ms]: the bounds below need to know
	// that the counter was read no earlier than the first and no later than the second.
	const samples = [];
	const take = () => {
		const t0 = now();
		const times = schedstat(pid, tid);
		if (times) samples.push([t0, now(), ...times]);
	};
	take();
	const timer = setInterval(take, 2);
	/** The last sample read entirely at or before t (the first one if none). */
	const readBy = (t) => {
		let lo = 0;
		let hi = samples.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (samples[mid][1] <= t) lo = mid;
			else hi = mid - 1;
		}
		return samples[lo];
	};
	/** The first sample read entirely at or after t (the last one if none). */
	const readFrom = (t) => {
		let lo = 0;
		let hi = samples.length - 1;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (samples[mid][0] >= t) hi = mid;
			else lo = mid + 1;
		}
		return samples[lo];
	};
	/** Counter k (2: CPU, 3: waiting) interpolated at t between the samples around it. */
	const at = (t, k) => {
		const a = readBy(t);
		const b = readFrom(t);
		const ta = (a[0] + a[1]) / 2;
		const tb = (b[0] + b[1]) / 2;
		const f = tb > ta ? Math.min(1, Math.max(0, (t - ta) / (tb - ta))) : 0;
		return a[k] + (b[k] - a[k]) * f;
	};
	return {
		stop() {
			clearInterval(timer);
			take();
		},
		split(start, end) {
			const wall = end - start;
			const cpu = at(end, 2) - at(start, 2);
			const wait = at(end, 3) - at(start, 3);
			// A counter read during [t0, t1] holds all the thread's CPU time up to t0 - tick and
			// none after t1.
			const cpuMax = readFrom(end + tick)[2] - readBy(start)[2];
			// How far apart the samples around the frame's ends were: a sampler that did not run
			// for a while (its own thread waited for a core) makes the split of that frame vague.
			const gap = Math.max(
				readFrom(start)[0] - readBy(start)[1],
				readFrom(end)[0] - readBy(end)[1]
			);
			return { wall, cpu, wait, other: Math.max(0, wall - cpu - wait), cpuMax, gap };
		}
	};
}

/**
 * The thread's time on a CPU and waiting for one while `fn` runs (ms). With a busy loop in the
 * page as `fn` this says how much of a core the machine gives the renderer at best (less in a
 * just-started browser, whose other threads wake on the same core; see
 * docs/perf/2026-12-03-list-time-on-cpu.md).
 */
export async function threadTimeDuring(pid, fn, tid = pid) {
	const take = () => schedstat(pid, tid) ?? [0, 0];
	const before = take();
	await fn();
	const after = take();
	return { cpu: after[0] - before[0], wait: after[1] - before[1] };
}
