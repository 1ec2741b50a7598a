import { availableParallelism } from 'node:os';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	worker: { format: 'es' },
	test: {
		include: ['src/**/*.test.ts', 'bench/**/*.test.mjs'],
		environment: 'node',
		setupFiles: ['src/lib/testing/vitest-setup.ts'],
		testTimeout: 60_000,
		// Every core: Vitest leaves one to its own process, which is idle while the files run, so
		// on a 2-core machine the default would run the files one at a time.
		maxWorkers: availableParallelism()
	}
});
