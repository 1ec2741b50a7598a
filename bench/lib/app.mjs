// Builds the app into build-bench/ and serves it statically, as a user's browser would get it.
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { BASE, BUILD_DIR, KIT_DIR, PORT, root } from './config.mjs';

export function build() {
	if (process.env.BENCH_NO_BUILD) return;
	// tsconfig.json extends .svelte-kit/tsconfig.json, which a fresh clone does not have yet.
	execFileSync('npx', ['svelte-kit', 'sync'], { cwd: root, stdio: 'ignore' });
	execFileSync('npx', ['vite', 'build'], {
		cwd: root,
		stdio: 'ignore',
		env: { ...process.env, RAPPORT_BUILD_DIR: BUILD_DIR, RAPPORT_KIT_DIR: KIT_DIR }
	});
}

export async function serve() {
	// A server already answering on the port (started by hand for several runs side by side, as
	// seeded profiles are tied to the origin) is used as it is and left running.
	try {
		if ((await fetch(BASE)).ok) return { kill() {} };
	} catch {
		/* nothing there: start one */
	}
	const server = spawn(
		path.join(root, 'node_modules', '.bin', 'sirv'),
		// max-age=0: without a Cache-Control header the browser may reuse a page it fetched a few
		// minutes ago (heuristic freshness) from another build served on the same origin.
		[
			BUILD_DIR,
			'--single',
			'--maxage',
			'0',
			'--port',
			String(PORT),
			'--host',
			'127.0.0.1',
			'--quiet'
		],
		{ cwd: root, stdio: 'ignore' }
	);
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(BASE)).ok) return server;
		} catch {
			/* not up yet */
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	server.kill();
	throw new Error('static server did not start');
}
