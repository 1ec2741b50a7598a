import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, formatIsoDate, periodFrom } from '../shared/dates';
import {
	DEFAULT_TEAM_ZONE,
	canonicalZone,
	isValidZone,
	zoneOffsetMs,
	zonedDate,
	zonedDateStart,
	zonedIsoDate,
	zonedIsoDateStart
} from './zone';

const RUNS = 1000;

function civil(at: number) {
	const d = new Date(at);
	return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
/** Zones with and without daylight saving time, either side of UTC, some changing at midnight. */
const ZONES = [
	'Asia/Shanghai',
	'UTC',
	'America/New_York',
	'Europe/London',
	'Europe/Berlin',
	'America/Santiago',
	'America/Havana',
	'Asia/Beirut',
	'Australia/Sydney',
	'Australia/Lord_Howe',
	'Asia/Kolkata',
	'Asia/Kathmandu',
	'Pacific/Chatham',
	'America/St_Johns'
] as const;

describe('zones', () => {
	it('default is Asia/Shanghai', () => expect(DEFAULT_TEAM_ZONE).toBe('Asia/Shanghai'));
	it('canonicalises names and refuses what is not a zone', () => {
		expect(canonicalZone('asia/shanghai')).toBe('Asia/Shanghai');
		expect(canonicalZone('Mars/Olympus')).toBeNull();
		expect(canonicalZone('')).toBeNull();
		expect(isValidZone('Europe/London')).toBe(true);
		expect(isValidZone(' ')).toBe(false);
	});
	it('reads offsets with daylight saving time', () => {
		expect(zoneOffsetMs('Asia/Shanghai', Date.UTC(2025, 0, 1))).toBe(8 * HOUR_MS);
		expect(zoneOffsetMs('America/New_York', Date.UTC(2025, 0, 15))).toBe(-5 * HOUR_MS);
		expect(zoneOffsetMs('America/New_York', Date.UTC(2025, 6, 15))).toBe(-4 * HOUR_MS);
		expect(zoneOffsetMs('Asia/Kathmandu', Date.UTC(2025, 0, 1))).toBe(5.75 * HOUR_MS);
		// China kept summer time from 1986 to 1991.
		expect(zoneOffsetMs('Asia/Shanghai', Date.UTC(1988, 5, 1))).toBe(9 * HOUR_MS);
	});
	it('gives the zone date of an instant', () => {
		const at = Date.UTC(2025, 2, 14, 23, 30);
		expect(zonedIsoDate('Asia/Shanghai', at)).toBe('2025-03-15');
		expect(zonedIsoDate('America/New_York', at)).toBe('2025-03-14');
		expect(zonedDate('UTC', at)).toEqual({ year: 2025, month: 3, day: 14 });
	});
});

describe('zonedDateStart', () => {
	it('is midnight at the offset in force that day', () => {
		expect(zonedIsoDateStart('Asia/Shanghai', '2025-03-15')).toBe(Date.UTC(2025, 2, 14, 16));
		expect(zonedIsoDateStart('America/New_York', '2025-03-09')).toBe(Date.UTC(2025, 2, 9, 5));
		expect(zonedIsoDateStart('America/New_York', '2025-03-10')).toBe(Date.UTC(2025, 2, 10, 4));
		expect(zonedIsoDateStart('Europe/London', '2025-03-31')).toBe(Date.UTC(2025, 2, 30, 23));
		expect(zonedIsoDateStart('UTC', '2025-02-30')).toBeNull();
	});
	it('begins a day whose midnight is skipped when the clocks jump', () => {
		// Chile moves to summer time at 24:00 on 7 September 2024: 00:00 on the 8th never happens.
		expect(zonedIsoDateStart('America/Santiago', '2024-09-08')).toBe(Date.UTC(2024, 8, 8, 4));
		expect(zonedIsoDateStart('America/Havana', '2025-03-09')).toBe(Date.UTC(2025, 2, 9, 5));
	});
	it('begins a day whose midnight happens twice at the first one', () => {
		// Cuba falls back from 01:00 to 00:00 on 2 November 2025.
		expect(zonedIsoDateStart('America/Havana', '2025-11-02')).toBe(Date.UTC(2025, 10, 2, 4));
	});
	it('normalises day overflow', () => {
		expect(zonedDateStart('UTC', { year: 2025, month: 1, day: 32 })).toBe(Date.UTC(2025, 1, 1));
		expect(zonedDateStart('UTC', { year: 2025, month: 3, day: 0 })).toBe(Date.UTC(2025, 1, 28));
	});
	it('law: the start instant is on that date and the instant before is not', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...ZONES),
				fc.date({
					min: new Date(Date.UTC(1971, 0, 1)),
					max: new Date(Date.UTC(2099, 0, 1)),
					noInvalidDate: true
				}),
				(zone, when) => {
					const d = civil(when.getTime());
					const at = zonedDateStart(zone, d);
					expect(formatIsoDate(zonedDate(zone, at))).toBe(formatIsoDate(d));
					expect(formatIsoDate(zonedDate(zone, at - 1)) < formatIsoDate(d)).toBe(true);
				}
			),
			{ numRuns: RUNS }
		);
	});
	it('law: every day of 2024 and 2025 begins where the day before ends, changes included', () => {
		const changes: Record<string, number> = {};
		for (const zone of ZONES) {
			changes[zone] = 0;
			let at = zonedDateStart(zone, { year: 2024, month: 1, day: 1 });
			for (let i = 1; i <= 731; i++) {
				const d = civil(Date.UTC(2024, 0, 1) + i * DAY_MS);
				const next = zonedDateStart(zone, d);
				expect(formatIsoDate(zonedDate(zone, next - 1))).toBe(
					formatIsoDate(civil(Date.UTC(2024, 0, 1) + (i - 1) * DAY_MS))
				);
				expect(Math.abs(next - at - DAY_MS)).toBeLessThanOrEqual(HOUR_MS);
				if (next - at !== DAY_MS) changes[zone] += 1;
				at = next;
			}
		}
		expect(changes).toEqual({
			'Asia/Shanghai': 0,
			UTC: 0,
			'America/New_York': 4,
			'Europe/London': 4,
			'Europe/Berlin': 4,
			'America/Santiago': 4,
			'America/Havana': 4,
			'Asia/Beirut': 4,
			'Australia/Sydney': 4,
			'Australia/Lord_Howe': 4,
			'Asia/Kolkata': 0,
			'Asia/Kathmandu': 0,
			'Pacific/Chatham': 4,
			'America/St_Johns': 4
		});
	});
	it('law: Asia/Shanghai since 1992 is the fixed +8 h the goals page uses', () => {
		fc.assert(
			fc.property(
				fc.date({
					min: new Date(Date.UTC(1992, 0, 1)),
					max: new Date(Date.UTC(2099, 0, 1)),
					noInvalidDate: true
				}),
				(when) => {
					const iso = when.toISOString().slice(0, 10);
					expect(zonedIsoDateStart('Asia/Shanghai', iso)).toBe(
						periodFrom('month', iso, 480)?.startAt
					);
				}
			),
			{ numRuns: RUNS }
		);
	});
});
