import { availableParallelism } from 'node:os';
import { sveltekit } from '@sveltejs/kit/vite';
import { configDefaults, defineConfig } from 'vitest/config';

const DEVICE = 'src/**/*.device.test.ts';
const PURE = ['domain', 'io', 'sync', 'list'].map((layer) => `src/lib/${layer}/**/*.test.ts`);

export default defineConfig({
	plugins: [sveltekit()],
	worker: { format: 'es' },
	test: {
		environment: 'node',
		setupFiles: ['src/lib/testing/vitest-setup.ts'],
		testTimeout: 60_000,
		// Every core: Vitest leaves one to its own process, which is idle while the files run, so
		// on a 2-core machine the default would run the files one at a time.
		maxWorkers: availableParallelism(),
		// Worker threads start faster than child processes. The pure layers hold no state between
		// calls (clock and ids are passed in), so their files share one module graph per worker
		// instead of loading it again for each file. A file that changes what is the process's own
		// (its time zone) runs in a child process.
		projects: [
			{
				extends: true,
				test: { name: 'pure', pool: 'threads', isolate: false, include: PURE, exclude: [DEVICE] }
			},
			{
				extends: true,
				test: {
					name: 'unit',
					pool: 'threads',
					include: ['src/**/*.test.ts', 'bench/**/*.test.mjs'],
					exclude: [...configDefaults.exclude, ...PURE, DEVICE]
				}
			},
			{ extends: true, test: { name: 'device', pool: 'forks', include: [DEVICE] } }
		]
	}
});
