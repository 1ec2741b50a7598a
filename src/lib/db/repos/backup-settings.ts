import { usableTeamSetting, type TeamSettingKey } from '$lib/domain/team/team-settings';
import type { SnapshotSetting } from '$lib/io/snapshot/restore';
import { MAPPING_PREFIX } from './import-mapping-key';
import type { SnapshotContext } from './snapshot-context';

/**
 * The settings a backup carries, so that a restore on a new machine gives back the same app:
 * saved import mappings, and from backups made before schema v10 the deal stages, follow-up
 * cadence and ticket deadlines of the device (since then they are team settings, records that
 * every backup carries; a restored device value is read while the team has none). Nothing else of
 * the settings table travels: not the device id (each install keeps its own, or two devices
 * would issue the same stamps), not the member id (the backup's scope names whose it is), not
 * the backup folder (a handle to this machine's disk) nor the backup bookkeeping. Only Restore
 * applies them; a value that fails its check is skipped, so a crafted file cannot put a shape
 * in the settings that the pages do not expect.
 */
const isObj = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The device settings of backups made before schema v10: each under the key of the team setting
 * it became (migrations/v10.ts), and checked as that setting is.
 */
const DEVICE_KEYS: readonly TeamSettingKey[] = [
	'dealStages',
	'followUpCadence',
	'ticketResolutionHours'
];
const CHECKS: Readonly<Record<string, (v: unknown) => boolean>> = Object.fromEntries(
	DEVICE_KEYS.map((key) => [key, (v: unknown) => usableTeamSetting(key, v)])
);

const isMapping = (v: unknown): boolean =>
	isObj(v) &&
	Array.isArray(v.mapping) &&
	v.mapping.every((m) => m === null || typeof m === 'string') &&
	typeof v.savedAt === 'number';

/** Whether a backup carries this key, and whether the value is one the app can use. */
export function usableBackupSetting(s: SnapshotSetting): boolean {
	if (s.key.startsWith(MAPPING_PREFIX)) return isMapping(s.value);
	const check = Object.hasOwn(CHECKS, s.key) ? CHECKS[s.key] : undefined;
	return check ? check(s.value) : false;
}

/** The settings a backup of this device carries (keys in order). */
export async function backupSettings(ctx: SnapshotContext): Promise<SnapshotSetting[]> {
	const d = ctx.db.settings;
	const [fixed, mappings] = await Promise.all([
		d.bulkGet(Object.keys(CHECKS)),
		d.where('key').startsWith(MAPPING_PREFIX).toArray()
	]);
	return [...fixed, ...mappings]
		.filter((s) => s !== undefined)
		.map((s) => ({ key: s.key, value: s.value }))
		.filter(usableBackupSetting);
}

/** Writes a backup's settings (inside the caller's transaction); returns how many were usable. */
export async function applyBackupSettings(
	ctx: SnapshotContext,
	settings: readonly SnapshotSetting[]
): Promise<number> {
	const usable = settings.filter(usableBackupSetting);
	if (usable.length > 0) await ctx.db.settings.bulkPut(usable.map((s) => ({ ...s })));
	return usable.length;
}
