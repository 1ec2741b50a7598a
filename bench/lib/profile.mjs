// Optional CPU profile of the page's main thread (BENCH_PROFILE=1): the functions with the most
// self time, printed to the console, to find what a long task is made of. Not written to
// RESULTS.md.
export async function startProfile(page) {
	if (!process.env.BENCH_PROFILE) return { stop: async () => undefined };
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Profiler.enable');
	await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
	await cdp.send('Profiler.start');
	return {
		async stop(top = 25) {
			const { profile } = await cdp.send('Profiler.stop');
			await cdp.detach();
			const self = new Map();
			const dt = new Map();
			const ts = profile.timeDeltas ?? [];
			profile.samples?.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (ts[i] ?? 0)));
			for (const n of profile.nodes) {
				const f = n.callFrame;
				const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
				self.set(key, (self.get(key) ?? 0) + (dt.get(n.id) ?? 0) / 1000);
			}
			const rows = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
			console.log('main-thread self time (ms):');
			for (const [k, ms] of rows) console.log(`  ${ms.toFixed(0).padStart(7)}  ${k}`);
			return rows;
		}
	};
}
