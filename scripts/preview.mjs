// Serves the static build on 127.0.0.1 (`npm run preview`, `npm start`, scripts/serve.sh): on
// RAPPORT_PORT or 4173, or the next free port when that one is taken, and says which.
import { spawn } from 'node:child_process';
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
const sirv = spawn(
	'npx',
	['sirv', 'build', '--single', '--port', String(port), '--host', HOST, '--quiet'],
	{ stdio: 'inherit', env }
);
sirv.on('exit', (code) => process.exit(code ?? 1));
