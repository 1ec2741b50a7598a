import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

/**
 * A tiny static server for the built app, like `sirv --single`, whose service-worker script can
 * be changed while it runs: the browser then sees "a new version" without a second build.
 */
export interface TestServer {
	url: string;
	/** Appended to /service-worker.js; change it to publish a new worker. */
	swSuffix: string;
	close(): Promise<void>;
}

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.webmanifest': 'application/manifest+json',
	'.png': 'image/png',
	'.svg': 'image/svg+xml',
	'.txt': 'text/plain; charset=utf-8'
};

export async function startServer(root: string): Promise<TestServer> {
	const state = { swSuffix: '' };
	const server: Server = createServer((req, res) => {
		const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
		let file = join(root, path);
		if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) {
			file = join(root, 'index.html'); // SPA fallback
		}
		const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
		if (path === '/service-worker.js') {
			const body = `${readFileSync(file, 'utf8')}\n${state.swSuffix}\n`;
			res.writeHead(200, { ...headers, 'cache-control': 'no-cache' });
			res.end(body);
			return;
		}
		res.writeHead(200, headers);
		createReadStream(file).pipe(res);
	});
	await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return {
		url: `http://127.0.0.1:${port}`,
		get swSuffix() {
			return state.swSuffix;
		},
		set swSuffix(v: string) {
			state.swSuffix = v;
		},
		close: () =>
			new Promise<void>((ok) => {
				server.closeAllConnections();
				server.close(() => ok());
			})
	};
}
