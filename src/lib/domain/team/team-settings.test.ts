import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGES } from '../deal/stages';
import { isTeamSettingKey, usableTeamSetting } from './team-settings';

describe('team settings', () => {
	it('know their keys', () => {
		expect(isTeamSettingKey('zone')).toBe(true);
		expect(isTeamSettingKey('followUpCadence')).toBe(true);
		expect(isTeamSettingKey('deviceId')).toBe(false);
		expect(isTeamSettingKey('__proto__')).toBe(false);
	});

	it('take a zone by its canonical name only', () => {
		expect(usableTeamSetting('zone', 'Asia/Shanghai')).toBe(true);
		expect(usableTeamSetting('zone', 'Europe/Berlin')).toBe(true);
		expect(usableTeamSetting('zone', 'asia/shanghai')).toBe(false);
		expect(usableTeamSetting('zone', 'Mars/Olympus')).toBe(false);
		expect(usableTeamSetting('zone', 8)).toBe(false);
	});

	it('take stages, cadence and deadlines that pass their own checks', () => {
		const stages = { stages: DEFAULT_STAGES.map((s) => ({ ...s })), labels: { trial: '试用' } };
		expect(usableTeamSetting('dealStages', stages)).toBe(true);
		expect(
			usableTeamSetting('dealStages', {
				...stages,
				stages: stages.stages.filter((s) => s.kind !== 'won')
			})
		).toBe(false);
		expect(usableTeamSetting('dealStages', { stages: stages.stages, labels: { a: 1 } })).toBe(
			false
		);
		expect(usableTeamSetting('dealStages', [stages])).toBe(false);
		expect(usableTeamSetting('followUpCadence', { A: 7, B: 30, C: 0 })).toBe(true);
		expect(usableTeamSetting('followUpCadence', { A: 7, B: 30 })).toBe(false);
		expect(usableTeamSetting('followUpCadence', { A: 1.5, B: 30, C: 90 })).toBe(false);
		expect(
			usableTeamSetting('ticketResolutionHours', { urgent: 2, high: 24, normal: 72, low: 168 })
		).toBe(true);
		expect(
			usableTeamSetting('ticketResolutionHours', { urgent: 0, high: 24, normal: 72, low: 168 })
		).toBe(false);
		expect(usableTeamSetting('ticketResolutionHours', null)).toBe(false);
	});
});
