import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	worker: { format: 'es' },
	test: {
		include: ['src/**/*.test.ts', 'bench/**/*.test.mjs'],
		environment: 'node',
		setupFiles: ['src/lib/testing/vitest-setup.ts'],
		testTimeout: 60_000
	}
});
