import type { Transaction } from 'dexie';
import { encodeHlc } from '$lib/sync/hlc';

/**
 * Version 10: the operations lead's team, and the trash read through indexes.
 *
 * - `levels` (the ladder the lead edits), `memberFacts` (each member's level, reporting line and
 *   status from a date, domain/team/member-fact.ts), `periodCloses` (a closed period's frozen
 *   figures, domain/team/frozen.ts) and `teamSettings` (domain/team/team-settings.ts): new synced
 *   tables, read whole (a team has tens of members), so each indexes only its stamps, its change
 *   numbers and its owner field (`memberId` of a fact).
 * - Members gain a phone, a region and a start date. Stored members are not rewritten (nor are
 *   members arriving in files of older versions): a missing one reads as '' (repos/members.ts).
 * - Deal stages, follow-up cadence and ticket deadlines were settings of each device; they are
 *   team settings now, carried in files. The values set on this device move into team setting
 *   records and leave the device settings. Such a record is stamped as this device's member
 *   writing it now only when that member leads the team; any other device's values are stamped
 *   at the start of the clock's time (wall 1), so that a setting the lead makes, before or after,
 *   wins the merge over a value carried over from a manager's device.
 * - `trashedAt` on contacts, tasks, orders, tickets, feedback and goals: IndexedDB does not index
 *   null, so each index holds the trashed records only, and the Trash page and the purge of what
 *   was trashed over 30 days ago read those instead of every record (repos/trashed.ts). The purge
 *   looked at these tables once a day only, noting when in the setting `trash.sweptAt`: it now
 *   looks on every start, and the note goes.
 *
 * The tables are named here, not read from the registry of synced tables (a migration is dated
 * history). Every existing index of a changed table is restated (Dexie replaces a table's index
 * list with the new one).
 */

/** The device settings that became team settings, each under the same key. */
const MOVED_KEYS = ['dealStages', 'followUpCadence', 'ticketResolutionHours'] as const;

export const v10 = {
	version: 10,
	stores: {
		contacts: 'id, customerId, _meta.updated, _chg, trashedAt',
		tasks:
			'id, customerId, dealId, ownerId, _meta.updated, [ownerId+dueAt], [ownerId+doneAt], [ownerId+openDueAt], _chg, trashedAt',
		orders: 'id, customerId, dealId, ownerId, _meta.updated, [ownerId+at], _chg, trashedAt',
		tickets: 'id, customerId, ownerId, _meta.updated, [ownerId+openDeadlineAt], _chg, trashedAt',
		feedback:
			'id, customerId, ownerId, _meta.updated, [ownerId+at], [customerId+at], _chg, trashedAt',
		goals: 'id, ownerId, _meta.updated, _chg, trashedAt',
		levels: 'id, _meta.updated, _chg',
		memberFacts: 'id, memberId, _meta.updated, _chg',
		periodCloses: 'id, _meta.updated, _chg',
		teamSettings: 'id, _meta.updated, _chg'
	},
	upgrade: async (tx: Transaction) => {
		await tx.table('settings').delete('trash.sweptAt');
		await moveDeviceSettings(tx);
	}
} as const;

interface StoredSetting {
	key: string;
	value: unknown;
}

async function moveDeviceSettings(tx: Transaction): Promise<void> {
	const settings = tx.table<StoredSetting, string>('settings');
	const [device, member, ...moved] = await settings.bulkGet([
		'deviceId',
		'memberId',
		...MOVED_KEYS
	]);
	const found = moved.filter((s): s is StoredSetting => s !== undefined);
	const deviceId = device?.value;
	const memberId = member?.value;
	// Without a device id no stamp can be made: the values stay, and the repositories read a
	// device's value while the team has none (repos/team-settings.ts).
	if (!found.length || typeof deviceId !== 'string' || typeof memberId !== 'string') return;
	const me = (await tx.table('members').get(memberId)) as { role?: unknown } | undefined;
	const wall = me?.role === 'ops_lead' ? Date.now() : 1;
	const records = found.map((s, counter) => {
		const hlc = encodeHlc({ wall, counter, device: deviceId });
		return {
			id: `team_setting:${s.key}`,
			key: s.key,
			value: s.value,
			_meta: { created: { hlc, by: memberId }, updated: hlc }
		};
	});
	await tx.table('teamSettings').bulkPut(records);
	await settings.bulkDelete(found.map((s) => s.key));
}
