import type { DBCore, Middleware } from 'dexie';
import { OPEN_KEY_FIELDS, withOpenKey, type OpenKeyTable } from '$lib/domain/shared/open-keys';

/**
 * Sets the open-only index fields (domain/shared/open-keys.ts) on every record written to tasks
 * and tickets, whatever path the write takes (forms, imports, snapshot merges, undo), so that no
 * caller has to remember them. Records are copied, never changed in the caller's hands. It sits
 * under Dexie's hooks layer like the tallies one (see tallies-middleware.ts for why).
 */
const isOpenKeyTable = (name: string): name is OpenKeyTable => Object.hasOwn(OPEN_KEY_FIELDS, name);

export const openKeysMiddleware: Middleware<DBCore> = {
	stack: 'dbcore',
	name: 'RapportOpenKeys',
	level: 1.6,
	create(down) {
		return {
			table(name) {
				const table = down.table(name);
				if (!isOpenKeyTable(name)) return table;
				return {
					...table,
					mutate: (req) =>
						table.mutate(
							req.type === 'add' || req.type === 'put'
								? {
										...req,
										values: req.values.map((v: Record<string, unknown>) => withOpenKey(name, v))
									}
								: req
						)
				};
			}
		};
	}
};
