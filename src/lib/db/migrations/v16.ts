import type { Transaction } from 'dexie';
import { rosterKeyOf, type Tally } from '$lib/domain/reports/tallies';

/**
 * Version 16: the team's tallies read for the whole roster at once. A tally's key puts its owner
 * before its period (`['I', ownerId, month]`), so the months of a trend or a period's figures
 * were one range per member and kind: 160 requests for 20 members, which under load cost more
 * than what they read. The index `t` holds the same parts with the period first
 * (`['I', month, ownerId]`), only on the kinds read that way (ROSTER_KINDS: the facts by month
 * and the customers), so each kind is one range for the roster.
 *
 * The upgrade gives every stored tally of those kinds its `t`; the tallies middleware keeps it
 * on every later write (reports/tallies.ts applyDelta).
 */
export const v16 = {
	version: 16,
	stores: { tallies: 'k, t' },
	upgrade: async (tx: Transaction) => {
		await tx
			.table('tallies')
			.toCollection()
			.modify((t: Tally) => {
				const r = Array.isArray(t.k) ? rosterKeyOf(t.k) : undefined;
				if (r) t.t = r;
			});
	}
} as const;
