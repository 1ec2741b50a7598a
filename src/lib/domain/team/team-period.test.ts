import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOUR_MS, periodFrom, type PeriodKind } from '../shared/dates';
import {
	customPeriod,
	shiftPeriod,
	teamPeriod,
	teamPeriodContaining,
	teamPeriodDays,
	trailingPeriods,
	type TeamPeriod,
	type TeamPeriodResult
} from './team-period';

const RUNS = 1000;

function ok(r: TeamPeriodResult): TeamPeriod {
	if (!r.ok) throw new Error(`refused: ${r.errors.map((e) => e.code).join()}`);
	return r.value;
}

function codes(r: TeamPeriodResult): string[] {
	return r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}`);
}

describe('teamPeriod', () => {
	it('bounds a month in the team zone', () => {
		const p = ok(teamPeriod('Asia/Shanghai', 'month', '2025-02-01'));
		expect(p).toMatchObject({
			kind: 'month',
			zone: 'Asia/Shanghai',
			start: '2025-02-01',
			end: '2025-03-01',
			startAt: Date.UTC(2025, 0, 31, 16),
			endAt: Date.UTC(2025, 1, 28, 16)
		});
		expect(teamPeriodDays(p)).toBe(28);
	});
	it('a month across a change to summer time is an hour short', () => {
		const p = ok(teamPeriod('America/New_York', 'month', '2025-03-01'));
		expect(p.startAt).toBe(Date.UTC(2025, 2, 1, 5));
		expect(p.endAt).toBe(Date.UTC(2025, 3, 1, 4));
		expect(p.endAt - p.startAt).toBe(31 * 24 * HOUR_MS - HOUR_MS);
	});
	it('quarters and years, fiscal ones too', () => {
		expect(ok(teamPeriod('UTC', 'quarter', '2024-11-01')).end).toBe('2025-02-01');
		expect(ok(teamPeriod('UTC', 'year', '2024-04-01')).end).toBe('2025-04-01');
		expect(teamPeriodDays(ok(teamPeriod('UTC', 'year', '2024-01-01')))).toBe(366);
	});
	it('refuses a bad zone, kind or date with codes', () => {
		expect(codes(teamPeriod('Mars/Olympus', 'month', '2025-01-01'))).toEqual(['zone:zone_invalid']);
		expect(codes(teamPeriod('UTC', 'week' as PeriodKind, '2025-01-01'))).toEqual([
			'kind:period_kind_invalid'
		]);
		expect(codes(teamPeriod('UTC', 'month', '2025-02-30'))).toEqual(['start:period_date_invalid']);
	});
	it('canonicalises the zone it stores', () => {
		expect(ok(teamPeriod('asia/shanghai', 'month', '2025-01-01')).zone).toBe('Asia/Shanghai');
	});
});

describe('customPeriod', () => {
	it('runs from the first to the last day, both included', () => {
		const p = ok(customPeriod('Asia/Shanghai', '2025-03-01', '2025-03-15'));
		expect(p).toMatchObject({ kind: 'custom', start: '2025-03-01', end: '2025-03-16' });
		expect(teamPeriodDays(p)).toBe(15);
		expect(teamPeriodDays(ok(customPeriod('UTC', '2025-03-01', '2025-03-01')))).toBe(1);
		expect(ok(customPeriod('UTC', '2024-12-31', '2025-02-28')).end).toBe('2025-03-01');
	});
	it('refuses a period that ends before it starts', () => {
		expect(codes(customPeriod('UTC', '2025-03-15', '2025-03-14'))).toEqual([
			'end:period_ends_before_start'
		]);
		expect(codes(customPeriod('UTC', '2025-03-15', '2024-12-31'))).toEqual([
			'end:period_ends_before_start'
		]);
	});
	it('refuses malformed dates and zones', () => {
		expect(codes(customPeriod('UTC', '2025-3-1', '2025-03-14'))).toEqual([
			'start:period_date_invalid'
		]);
		expect(codes(customPeriod('UTC', '2025-03-01', ''))).toEqual(['end:period_date_invalid']);
		expect(codes(customPeriod('', '2025-03-01', '2025-03-02'))).toEqual(['zone:zone_invalid']);
	});
});

describe('teamPeriodContaining', () => {
	it('aligns to the calendar in the team zone, not the device', () => {
		// 2025-03-31 17:00 UTC is already 1 April in Shanghai, still 31 March in New York.
		const at = Date.UTC(2025, 2, 31, 17);
		expect(ok(teamPeriodContaining('Asia/Shanghai', 'quarter', at)).start).toBe('2025-04-01');
		expect(ok(teamPeriodContaining('America/New_York', 'quarter', at)).start).toBe('2025-01-01');
		expect(ok(teamPeriodContaining('Asia/Shanghai', 'year', at)).start).toBe('2025-01-01');
	});
	it('refuses a bad zone', () => {
		expect(codes(teamPeriodContaining('x', 'month', 0))).toEqual(['zone:zone_invalid']);
	});
});

describe('shifting and trends', () => {
	it('six months back from March', () => {
		const p = ok(teamPeriod('Asia/Shanghai', 'month', '2025-03-01'));
		expect(trailingPeriods(p, 6).map((q) => q.start)).toEqual([
			'2024-10-01',
			'2024-11-01',
			'2024-12-01',
			'2025-01-01',
			'2025-02-01',
			'2025-03-01'
		]);
		expect(trailingPeriods(p, 0)).toEqual([]);
	});
	it('months begun on the 31st still tile', () => {
		const p = ok(teamPeriod('UTC', 'month', '2025-01-31'));
		expect([-1, 0, 1, 2].map((by) => shiftPeriod(p, by)).map((q) => [q.start, q.end])).toEqual([
			['2024-12-31', '2025-01-31'],
			['2025-01-31', '2025-02-28'],
			['2025-02-28', '2025-03-31'],
			['2025-03-31', '2025-04-30']
		]);
	});
	it('a custom span moves by its own length', () => {
		const p = ok(customPeriod('UTC', '2025-03-01', '2025-03-10'));
		expect(shiftPeriod(p, -1)).toMatchObject({ start: '2025-02-19', end: '2025-03-01' });
	});
	it('law: trailing periods tile time with no gap and no overlap, in every zone', () => {
		fc.assert(
			fc.property(
				fc.constantFrom('Asia/Shanghai', 'America/New_York', 'Europe/London', 'America/Santiago'),
				fc.constantFrom<PeriodKind>('month', 'quarter', 'year'),
				fc.date({
					min: new Date(Date.UTC(1995, 0, 1)),
					max: new Date(Date.UTC(2090, 0, 1)),
					noInvalidDate: true
				}),
				(zone, kind, when) => {
					const p = ok(teamPeriodContaining(zone, kind, when.getTime()));
					expect(p.startAt).toBeLessThanOrEqual(when.getTime());
					expect(when.getTime()).toBeLessThan(p.endAt);
					const trend = trailingPeriods(p, 6);
					expect(trend.at(-1)).toEqual(p);
					for (let i = 1; i < trend.length; i++) {
						expect(trend[i]?.startAt).toBe(trend[i - 1]?.endAt);
						expect(trend[i]?.start).toBe(trend[i - 1]?.end);
					}
				}
			),
			{ numRuns: RUNS }
		);
	});
	it('law: in Asia/Shanghai a period is the one the goals page computes at +8 h', () => {
		fc.assert(
			fc.property(
				fc.constantFrom<PeriodKind>('month', 'quarter', 'year'),
				fc.date({
					min: new Date(Date.UTC(1992, 0, 1)),
					max: new Date(Date.UTC(2090, 0, 1)),
					noInvalidDate: true
				}),
				(kind, when) => {
					const start = when.toISOString().slice(0, 10);
					const { zone: _zone, ...p } = ok(teamPeriod('Asia/Shanghai', kind, start));
					expect(p).toEqual(periodFrom(kind, start, 480));
				}
			),
			{ numRuns: RUNS }
		);
	});
});
