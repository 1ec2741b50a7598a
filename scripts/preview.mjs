// Serves the static build on 127.0.0.1 (`npm run preview`, `npm start`, scripts/serve.sh): on
// RAPPORT_PORT or 4173, or the next free port when that one is taken, and says which.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { HOST, freePort } from './free-port.mjs';

const first = Number(process.env.RAPPORT_PORT ?? 4173);
const port = await freePort(first);
// The browser keeps the data per origin, port included: say so, or the app looks emptied.
if (port !== first)
	console.log(
		`Port ${first} is taken; using ${port}. The browser keeps data per address: what was entered at port ${first} shows only there.`
	);
console.log(`Rapport: http://${HOST}:${port}`);
// Without PORT: sirv would take it over --port.
const { PORT: _unused, ...env } = process.env;
// sirv itself, not through npx: a signal then reaches the server.
const sirv = spawn(
	fileURLToPath(new URL('../node_modules/.bin/sirv', import.meta.url)),
	[
		fileURLToPath(new URL('../build', import.meta.url)),
		'--single',
		'--port',
		String(port),
		'--host',
		HOST,
		'--quiet'
	],
	{ stdio: 'inherit', env }
);
sirv.on('exit', (code) => process.exit(code ?? 1));
// Stopped on its own (not by Ctrl-C, which reaches the whole group): the server stops with it.
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM']))
	process.on(signal, () => sirv.kill(signal));
