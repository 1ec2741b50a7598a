// The first port from a given one that nothing listens on at 127.0.0.1, so that the app can be
// served, and tested, while another server holds 4173. Run directly, it prints the port.
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const HOST = '127.0.0.1';

/** @param {number} port */
const isFree = (port) =>
	new Promise((resolve) => {
		const probe = createServer()
			.once('error', () => resolve(false))
			.once('listening', () => probe.close(() => resolve(true)))
			.listen(port, HOST);
	});

/**
 * @param {number} first
 * @returns {Promise<number>}
 */
export async function freePort(first) {
	for (let port = first; port < first + 100; port++) if (await isFree(port)) return port;
	throw new Error(`no free port from ${first} to ${first + 99}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url))
	console.log(await freePort(Number(process.argv[2] ?? 4173)));
