import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeHlc } from '../../sync/hlc';
import type { SyncMeta } from '../../sync/stamp';
import { DAY_MS, HOUR_MS } from '../shared/dates';
import { LatestWork, STALE_AFTER_MS, isStale } from './staleness';

const NOW = Date.UTC(2025, 5, 15, 12);
const hlc = (wall: number, device = 'd1', counter = 0) => encodeHlc({ wall, counter, device });

function meta(by: string, wall: number, fields: Record<string, [string, number]> = {}): SyncMeta {
	const f = Object.fromEntries(
		Object.entries(fields).map(([k, [who, w]]) => [k, { by: who, hlc: hlc(w) }])
	);
	const all = [hlc(wall), ...Object.values(f).map((s) => s.hlc)].sort();
	return { created: { by, hlc: hlc(wall) }, fields: f, updated: all.at(-1) ?? '' };
}

describe('LatestWork', () => {
	it('takes the newest stamp each member wrote, edits included', () => {
		const w = new LatestWork(NOW).addAll([
			{ _meta: meta('li', NOW - 3 * DAY_MS) },
			{ _meta: meta('li', NOW - 9 * DAY_MS, { notes: ['li', NOW - 2 * DAY_MS] }) },
			{ _meta: meta('wang', NOW - 10 * DAY_MS) }
		]);
		expect(w.latest('li')).toBe(NOW - 2 * DAY_MS);
		expect(w.latest('wang')).toBe(NOW - 10 * DAY_MS);
		expect(w.latest('zhao')).toBeNull();
	});
	it('does not count another person’s edit of a member’s record as the member’s work', () => {
		const w = new LatestWork(NOW);
		w.addStamped({ _meta: meta('wang', NOW - 20 * DAY_MS, { ownerId: ['lead', NOW - HOUR_MS] }) });
		expect(w.latest('wang')).toBe(NOW - 20 * DAY_MS);
		expect(w.latest('lead')).toBe(NOW - HOUR_MS);
	});
	it('ignores stamps far ahead of this device and stamps that do not decode', () => {
		const w = new LatestWork(NOW).addAll([
			{ _meta: meta('li', NOW - 8 * DAY_MS) },
			{ _meta: meta('li', NOW + 2 * DAY_MS) },
			{ _meta: { created: { by: 'li', hlc: 'garbage' }, updated: 'garbage' } }
		]);
		expect(w.latest('li')).toBe(NOW - 8 * DAY_MS);
	});
});

describe('isStale', () => {
	it('flags 7 days or more, and a member with no work at all', () => {
		expect(isStale(NOW - STALE_AFTER_MS, NOW)).toBe(true);
		expect(isStale(NOW - STALE_AFTER_MS + 1, NOW)).toBe(false);
		expect(isStale(NOW, NOW)).toBe(false);
		expect(isStale(null, NOW)).toBe(true);
		expect(STALE_AFTER_MS).toBe(7 * DAY_MS);
	});
});

describe('laws', () => {
	const recordArb = fc.record({
		by: fc.constantFrom('li', 'wang', 'zhao'),
		wall: fc.integer({ min: NOW - 30 * DAY_MS, max: NOW + 3 * DAY_MS }),
		edits: fc.array(
			fc.tuple(
				fc.constantFrom('li', 'wang', 'lead'),
				fc.integer({ min: NOW - 30 * DAY_MS, max: NOW })
			),
			{ maxLength: 3 }
		)
	});
	const toRecord = (r: { by: string; wall: number; edits: [string, number][] }) => ({
		_meta: meta(r.by, r.wall, Object.fromEntries(r.edits.map((e, i) => [`f${i}`, e])))
	});
	it('is the greatest trusted stamp by the member, whatever the order, and only grows', () => {
		fc.assert(
			fc.property(
				fc.array(recordArb, { maxLength: 10 }),
				fc.array(recordArb, { maxLength: 5 }),
				(a, b) => {
					const records = a.map(toRecord);
					const w = new LatestWork(NOW).addAll(records);
					const reversed = new LatestWork(NOW).addAll([...records].reverse());
					const more = new LatestWork(NOW).addAll([...records, ...b.map(toRecord)]);
					for (const m of ['li', 'wang', 'zhao', 'lead']) {
						const walls = a
							.flatMap((r) => [[r.by, r.wall] as const, ...r.edits])
							.filter(([by, wall]) => by === m && wall - NOW <= DAY_MS)
							.map(([, wall]) => wall);
						expect(w.latest(m)).toBe(walls.length ? Math.max(...walls) : null);
						expect(reversed.latest(m)).toBe(w.latest(m));
						expect(more.latest(m) ?? -Infinity).toBeGreaterThanOrEqual(w.latest(m) ?? -Infinity);
					}
				}
			),
			{ numRuns: 1000 }
		);
	});
});
