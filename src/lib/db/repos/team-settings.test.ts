import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { getCadence, setCadence } from './tasks';
import { getTeamZone, readTeamSetting, setTeamZone, writeTeamSetting } from './team-settings';
import { errorCodes, me } from './test-fixtures';

describe('team settings', () => {
	it('reads the default zone until someone sets one, and writes nothing meanwhile', async () => {
		expect(await getTeamZone()).toBe('Asia/Shanghai');
		expect(await db().teamSettings.count()).toBe(0);
	});

	it('stores a set zone as a stamped record by this device’s member, by its canonical name', async () => {
		await setTeamZone(' asia/tokyo ');
		expect(await getTeamZone()).toBe('Asia/Tokyo');
		const stored = await db().teamSettings.get('team_setting:zone');
		expect(stored).toMatchObject({ key: 'zone', value: 'Asia/Tokyo' });
		expect(stored?._meta.created.by).toBe(await me());
		// Set again: an edit of the value alone.
		await setTeamZone('Asia/Shanghai');
		const edited = await db().teamSettings.get('team_setting:zone');
		expect(edited?._meta.created).toEqual(stored?._meta.created);
		expect(edited?._meta.fields?.value?.hlc).toBe(edited?._meta.updated);
		expect(edited!._meta.updated > stored!._meta.updated).toBe(true);
	});

	it('refuses a zone that is none and changes nothing', async () => {
		const before = await db().teamSettings.toArray();
		expect(await errorCodes(setTeamZone('Mars/Olympus'))).toEqual(['zone_invalid']);
		expect(await errorCodes(setTeamZone(''))).toEqual(['zone_invalid']);
		expect(await db().teamSettings.toArray()).toEqual(before);
	});

	it('reads a device value while the team has none, and sets the team’s in its place', async () => {
		await db().settings.put({ key: 'followUpCadence', value: { A: 5, B: 10, C: 20 } });
		expect(await getCadence()).toEqual({ A: 5, B: 10, C: 20 });
		await setCadence({ A: 7, B: 30, C: 0 });
		expect(await getCadence()).toEqual({ A: 7, B: 30, C: 0 });
		expect(await db().settings.get('followUpCadence')).toBeUndefined();
		expect((await db().teamSettings.get('team_setting:followUpCadence'))?.value).toEqual({
			A: 7,
			B: 30,
			C: 0
		});
	});

	it('reads a record it cannot use (a file made by hand) as not set', async () => {
		await writeTeamSetting('ticketResolutionHours', { urgent: 2, high: 24, normal: 72, low: 168 });
		const stored = (await db().teamSettings.get('team_setting:ticketResolutionHours'))!;
		await db().teamSettings.put({ ...stored, value: { urgent: 'soon' } });
		expect(await readTeamSetting('ticketResolutionHours')).toBeUndefined();
		await expect(writeTeamSetting('zone', 'nowhere' as string)).rejects.toThrow(/setting_invalid/);
	});
});
