import { teamSettingId } from '$lib/domain/team/keyed-id';
import {
	usableTeamSetting,
	type TeamSettingKey,
	type TeamSettingValues
} from '$lib/domain/team/team-settings';
import { canonicalZone, DEFAULT_TEAM_ZONE } from '$lib/domain/team/zone';
import { db } from '../db';
import { ValidationFailed } from '../errors';
import { nextStamp } from '../session';
import type { RapportDB } from '../schema';
import { guarded } from '../write';
import { putKeyed } from './keyed-write';

/**
 * The team's shared settings (domain/team/team-settings.ts): one synced record per setting,
 * written only when someone sets it. A setting the team has no usable record of is read from
 * this device's settings under the same key, where it lived before schema v10 and where the
 * restore of an older backup still writes it; failing that, the caller's default applies.
 */
export async function readTeamSetting<K extends TeamSettingKey>(
	key: K
): Promise<TeamSettingValues[K] | undefined> {
	return readTeamSettingIn(db(), key);
}

/** `readTeamSetting` inside a caller's transaction, which must include both settings tables. */
export async function readTeamSettingIn<K extends TeamSettingKey>(
	d: RapportDB,
	key: K
): Promise<TeamSettingValues[K] | undefined> {
	const [team, device] = await Promise.all([
		d.teamSettings.get(teamSettingId(key)),
		d.settings.get(key)
	]);
	if (team && usableTeamSetting(key, team.value)) return team.value;
	if (device && usableTeamSetting(key, device.value)) return device.value;
	return undefined;
}

/**
 * Sets a team setting: a stamped write of its record, which travels in files and merges. The
 * device's own value, if one was left, goes in the same transaction. A value the setting's check
 * refuses is refused with `setting_invalid` (callers check with their own codes first).
 */
export async function writeTeamSetting<K extends TeamSettingKey>(
	key: K,
	value: TeamSettingValues[K]
): Promise<void> {
	if (!usableTeamSetting(key, value))
		throw new ValidationFailed([{ field: key, code: 'setting_invalid' }]);
	const stamp = await nextStamp();
	const d = db();
	await guarded(() =>
		d.transaction('rw', d.teamSettings, d.settings, async () => {
			await putKeyed(d.teamSettings, teamSettingId(key), { key, value }, stamp);
			await d.settings.delete(key);
		})
	);
}

/** The team's time zone: every period's edges are its midnights. */
export async function getTeamZone(): Promise<string> {
	return (await readTeamSetting('zone')) ?? DEFAULT_TEAM_ZONE;
}

export async function setTeamZone(zone: string): Promise<void> {
	const canonical = canonicalZone(zone.trim());
	if (!canonical) throw new ValidationFailed([{ field: 'zone', code: 'zone_invalid' }]);
	await writeTeamSetting('zone', canonical);
}
