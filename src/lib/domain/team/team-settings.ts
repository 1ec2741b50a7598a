import type { Synced } from '../../sync/stamp';
import { validateStages, type StageConfig, type StageDef } from '../deal/stages';
import type { Scorecard } from '../review/scorecard';
import { usableScorecard } from '../review/scorecard-read';
import { cadenceErrors, type Cadence } from '../task/cadence';
import { resolutionHoursErrors, type ResolutionHours } from '../ticket/deadline';
import { canonicalZone } from './zone';

/**
 * The settings the whole team shares, set by the lead and carried in snapshot files: the team's
 * time zone (its periods' edges, zone.ts), the deal stages, the follow-up cadence, the ticket
 * deadlines and the review scorecard (review/scorecard.ts). Each is a record of its own, id `team_setting:<key>` (keyed-id.ts), written only
 * when someone sets it: a device that merely reads the default writes nothing, so it can never
 * overwrite a setting another device made. A value that fails its check (a file made by hand) is
 * read as not set.
 */
export interface TeamSettingValues {
	zone: string;
	dealStages: StageConfig;
	followUpCadence: Cadence;
	ticketResolutionHours: ResolutionHours;
	scorecard: Scorecard;
}
export type TeamSettingKey = keyof TeamSettingValues;

export const TEAM_SETTING_KEYS = [
	'zone',
	'dealStages',
	'followUpCadence',
	'ticketResolutionHours',
	'scorecard'
] as const satisfies readonly TeamSettingKey[];

export interface TeamSetting extends Synced {
	/** Which setting (one of TEAM_SETTING_KEYS, or a newer version's). */
	key: string;
	value: unknown;
}

const isObj = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

const isStageDef = (s: unknown): s is StageDef =>
	isObj(s) &&
	typeof s.key === 'string' &&
	typeof s.probability === 'number' &&
	(s.kind === 'open' || s.kind === 'won' || s.kind === 'lost');

const CHECKS: { [K in TeamSettingKey]: (v: unknown) => boolean } = {
	zone: (v) => typeof v === 'string' && canonicalZone(v) === v,
	dealStages: (v) =>
		isObj(v) &&
		Array.isArray(v.stages) &&
		v.stages.every(isStageDef) &&
		validateStages(v.stages).length === 0 &&
		isObj(v.labels) &&
		Object.values(v.labels).every((l) => typeof l === 'string'),
	followUpCadence: (v) => isObj(v) && cadenceErrors(v).length === 0,
	ticketResolutionHours: (v) => isObj(v) && resolutionHoursErrors(v).length === 0,
	scorecard: usableScorecard
};

export function isTeamSettingKey(key: string): key is TeamSettingKey {
	return (TEAM_SETTING_KEYS as readonly string[]).includes(key);
}

/** Whether a stored value is one the app can use for that setting. */
export function usableTeamSetting<K extends TeamSettingKey>(
	key: K,
	value: unknown
): value is TeamSettingValues[K] {
	return CHECKS[key](value);
}
