import type { DBCore, Middleware } from 'dexie';
import { SYNCED_TABLES } from '$lib/sync/tables';

/**
 * Calls `onFirst` once, after the first successful add or put of the user's data through this
 * connection: a record of any synced table but members, or an import's entry (a CSV import or
 * a snapshot being staged). A start writes only the device id and the blank member, so a first
 * visit that saves nothing never counts; nor does demo data (every record marked `demo`), which
 * is there to be removed. Sitting in the database layer, it sees every page's writes without any
 * page having to remember.
 */
const WATCHED: ReadonlySet<string> = new Set([
	...SYNCED_TABLES.filter((t) => t !== 'members'),
	'imports'
]);

export function firstWriteMiddleware(onFirst: () => void): Middleware<DBCore> {
	let seen = false;
	return {
		stack: 'dbcore',
		name: 'RapportFirstWrite',
		create(down) {
			return {
				...down,
				table(name) {
					const table = down.table(name);
					if (!WATCHED.has(name)) return table;
					return {
						...table,
						mutate: async (req) => {
							const res = await table.mutate(req);
							if (
								!seen &&
								(req.type === 'add' || req.type === 'put') &&
								res.numFailures === 0 &&
								req.values.some((v: { demo?: unknown }) => v.demo !== true)
							) {
								seen = true;
								onFirst();
							}
							return res;
						}
					};
				}
			};
		}
	};
}
