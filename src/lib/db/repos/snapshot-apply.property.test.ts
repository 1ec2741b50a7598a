import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FarAheadChoice } from './snapshot-clocks';
import {
	noStats,
	runHistory,
	type HistoryStats,
	type Observation,
	type Op,
	type Scenario
} from './snapshot-history';
import type { Law } from './snapshot-laws';

/**
 * The database apply path, not only the pure merge (merge.property.test.ts): random histories of
 * two or three teammates on fake-indexeddb (snapshot-history.ts) add customers, edit them, log
 * calls, move them to the trash and back, erase them (tombstones), export files and import them
 * on another device (at once, later, or again), undo imports, and set their clocks wrong, some
 * more than a day ahead. The laws (snapshot-laws.ts) are checked after every step and after a
 * final round of exchanges.
 *
 * A history runs on real databases, far slower than the pure merge, so RUNS is lower than the
 * merge's 1,000. Every law is asked about the same histories (one seed for all), so each history
 * runs once and the later laws read what it found; a failure's shrinking runs new ones.
 */
const RUNS = 200;
const SEED = Date.now() % 2 ** 31;
const DAY = 86_400_000;

const nat = fc.nat({ max: 99 });
/** Mostly 0: the first customer (the one the team shares), or the latest import. */
const first = fc.oneof(fc.constant(0), nat);
/** Mostly the city: the field that changes most, so edits meet on it. */
const field = fc.oneof(fc.constant(1), nat);
/** A device, or (-1) the one of the last step: a person goes on working where they are. */
const device = fc.oneof(fc.nat({ max: 2 }), { weight: 2, arbitrary: fc.constant(-1) });
const far = fc.constantFrom<FarAheadChoice>('skip', 'restamp');
/** Right, a little off either way, or more than a day ahead (up to a wrong year). */
const skew = fc.constantFrom(0, 120_000, -120_000, 30 * 3_600_000, 3 * DAY, 730 * DAY);
const wait = fc.constantFrom(60_000, 3_600_000, 2 * DAY);
const k = <K extends Op['k']>(kind: K) => fc.constant(kind);
const opArb: fc.Arbitrary<Op> = fc.oneof(
	{ weight: 1, arbitrary: fc.record({ k: k('add'), d: device }) },
	{ weight: 4, arbitrary: fc.record({ k: k('edit'), d: device, pick: first, field, v: nat }) },
	{
		weight: 1,
		arbitrary: fc.record({ k: k('trash'), d: device, pick: nat, restore: fc.boolean() })
	},
	{ weight: 1, arbitrary: fc.record({ k: k('log'), d: device, pick: nat }) },
	{ weight: 2, arbitrary: fc.record({ k: k('erase'), d: device, pick: nat }) },
	{ weight: 4, arbitrary: fc.record({ k: k('send'), from: device, to: nat, far }) },
	{ weight: 1, arbitrary: fc.record({ k: k('export'), d: device }) },
	{ weight: 2, arbitrary: fc.record({ k: k('deliver'), to: device, pick: nat, far }) },
	{ weight: 3, arbitrary: fc.record({ k: k('undo'), d: device, pick: first }) },
	{ weight: 1, arbitrary: fc.record({ k: k('wait'), ms: wait }) },
	{ weight: 1, arbitrary: fc.record({ k: k('skew'), d: device, ms: skew }) }
);
const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
	devices: fc.integer({ min: 2, max: 3 }),
	skews: fc.array(skew, { minLength: 3, maxLength: 3 }),
	ops: fc.array(opArb, { minLength: 6, maxLength: 12 })
});

const observed = new Map<string, Promise<Observation>>();
function observe(sc: Scenario): Promise<Observation> {
	const key = JSON.stringify(sc);
	let o = observed.get(key);
	if (!o) {
		o = runHistory(sc);
		observed.set(key, o);
	}
	return o;
}

/** Asserts a law over RUNS histories; returns in how many of them each statistic was above 0. */
async function holds(law: Law): Promise<HistoryStats> {
	const runs = noStats();
	await fc.assert(
		fc.asyncProperty(scenarioArb, async (sc) => {
			const o = await observe(sc);
			expect(o.found.by[law]).toEqual([]);
			for (const stat of Object.keys(runs) as (keyof HistoryStats)[])
				if (o.stats[stat] > 0) runs[stat]++;
		}),
		{ numRuns: RUNS, seed: SEED }
	);
	return runs;
}

/** The first law runs the histories; the others read them. */
const TIMEOUT = 240_000;

describe('snapshot apply over random histories on real databases', () => {
	it(
		'loses no accepted edit: every device ends with the latest accepted write of each field',
		async () => {
			const runs = await holds('kept');
			// Far-ahead writes were skipped and re-stamped on the way.
			expect(runs.skipped).toBeGreaterThan(RUNS / 20);
			expect(runs.restamped).toBeGreaterThan(RUNS / 20);
		},
		TIMEOUT
	);

	it(
		'an undo takes back only what its import wrote, never a write made since',
		async () => {
			const runs = await holds('undo');
			expect(runs.undosThatRestored).toBeGreaterThan(RUNS / 10);
			expect(runs.undosThatKept).toBeGreaterThan(RUNS / 20);
			expect(runs.undosThatKeptFields).toBeGreaterThan(RUNS / 100);
		},
		TIMEOUT
	);

	it(
		'no erased person comes back: not by an old file, a repeated one, an undo or a late call',
		async () => {
			const runs = await holds('erased');
			expect(runs.erasuresSpread).toBeGreaterThan(RUNS / 4);
			expect(runs.oldFilesAfterErasure).toBeGreaterThan(RUNS / 40);
		},
		TIMEOUT
	);

	it(
		'no stored stamp fails to decode or is more than a day ahead of its device’s clock',
		async () => {
			const runs = await holds('stamps');
			expect(runs.skipped).toBeGreaterThan(RUNS / 20);
			expect(runs.restamped).toBeGreaterThan(RUNS / 20);
		},
		TIMEOUT
	);
});
