import { describe, expect, it } from 'vitest';
import { DAY_MS, periodFrom } from '../shared/dates';
import { INTERACTION_TYPES } from '../interaction/interaction';
import {
	interactionReport,
	interactionsByTypeFromCounts,
	type InteractionPoint
} from './interactions';

const CN = 480;
const MAR = periodFrom('month', '2025-03-01', CN)!;
const at = (day: number) => MAR.startAt + (day - 1) * DAY_MS + 3_600_000;

describe('interactionReport', () => {
	it('counts by type (fixed order, zeros) and by day, only inside the period', () => {
		const items: InteractionPoint[] = [
			{ type: 'call', at: at(1) },
			{ type: 'call', at: at(1) },
			{ type: 'visit', at: at(3) },
			{ type: 'wechat', at: at(31) },
			{ type: 'email', at: MAR.startAt - 1 },
			{ type: 'email', at: MAR.endAt },
			{ type: 'meeting', at: at(2), trashedAt: 5 }
		];
		const r = interactionReport(items, MAR, CN);
		expect(r.total).toBe(4);
		expect(r.byType.map((x) => x.key)).toEqual([...INTERACTION_TYPES]);
		expect(Object.fromEntries(r.byType.map((x) => [x.key, x.value]))).toEqual({
			call: 2,
			visit: 1,
			email: 0,
			wechat: 1,
			meeting: 0,
			training: 0,
			care: 0,
			other: 0
		});
		expect(r.byDay).toHaveLength(31);
		expect(r.byDay[0]).toEqual({ date: '2025-03-01', value: 2 });
		expect(r.byDay[2]?.value).toBe(1);
		expect(r.byDay[30]).toEqual({ date: '2025-03-31', value: 1 });
	});
	it('streams from a generator (no array needed)', () => {
		function* many() {
			for (let i = 0; i < 50_000; i++) yield { type: 'call' as const, at: at((i % 31) + 1) };
		}
		const r = interactionReport(many(), MAR, CN);
		expect(r.total).toBe(50_000);
		expect(r.byDay.reduce((s, d) => s + d.value, 0)).toBe(50_000);
	});
	it('an empty month has zeros everywhere', () => {
		const r = interactionReport([], MAR, CN);
		expect(r.total).toBe(0);
		expect(r.byType.every((x) => x.value === 0)).toBe(true);
		expect(r.byDay.every((x) => x.value === 0)).toBe(true);
	});
});

describe('interactionsByTypeFromCounts', () => {
	it('takes index counts', () => {
		const rows = interactionsByTypeFromCounts([
			['visit', 7],
			['call', 3]
		]);
		expect(rows[0]).toEqual({ key: 'call', value: 3 });
		expect(rows[1]).toEqual({ key: 'visit', value: 7 });
		expect(rows).toHaveLength(INTERACTION_TYPES.length);
	});
});
