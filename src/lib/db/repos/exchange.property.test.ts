import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	nothingDone,
	runExchangeHistory,
	type XLaw,
	type XObservation,
	type XOp,
	type XScenario
} from './exchange-history';

/**
 * Sending only what changed, over random histories of three teammates on real databases
 * (exchange-history.ts): they add customers, edit them, hand them over, log calls, erase them,
 * send files of their changes or full files to the team, the lead or a member (written, or only
 * built and never confirmed), apply each other's files in any order with repeats, and undo some.
 * Every law is asked about the same histories (one seed for all), so each history runs once and
 * the later laws read what it found.
 */
const RUNS = Number(process.env.RAPPORT_EXCHANGE_RUNS ?? 1000);
const SEED = Date.now() % 2 ** 31;

const nat = fc.nat({ max: 99 });
const device = fc.nat({ max: 2 });
const rarely = fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, fc.constant(true));
const k = <K extends XOp['k']>(kind: K) => fc.constant(kind);
const opArb: fc.Arbitrary<XOp> = fc.oneof(
	{ weight: 2, arbitrary: fc.record({ k: k('add'), d: device, owner: device }) },
	{ weight: 3, arbitrary: fc.record({ k: k('edit'), d: device, pick: nat, v: nat }) },
	{ weight: 1, arbitrary: fc.record({ k: k('handover'), d: device, pick: nat, to: device }) },
	{ weight: 1, arbitrary: fc.record({ k: k('log'), d: device, pick: nat }) },
	{ weight: 1, arbitrary: fc.record({ k: k('erase'), d: device, pick: nat }) },
	{
		weight: 4,
		arbitrary: fc.record({
			k: k('send'),
			// Mostly device 0, whose watched exchange the export law reads.
			d: fc.oneof({ weight: 2, arbitrary: fc.constant(0) }, device),
			ex: nat,
			full: rarely,
			written: rarely.map((b) => !b)
		})
	},
	{ weight: 3, arbitrary: fc.record({ k: k('deliver'), to: device, pick: nat }) },
	{ weight: 2, arbitrary: fc.record({ k: k('undo'), d: device, pick: nat }) }
);
const scenarioArb: fc.Arbitrary<XScenario> = fc.record({
	ops: fc.array(opArb, { minLength: 3, maxLength: 10 }),
	watch: fc.nat({ max: 2 }),
	delivered: fc.nat(),
	orders: fc.tuple(fc.nat(), fc.nat()),
	handover: fc.boolean()
});

const observed = new Map<string, Promise<XObservation>>();
function observe(sc: XScenario): Promise<XObservation> {
	const key = JSON.stringify(sc);
	let o = observed.get(key);
	if (!o) {
		// One history at a time: they share the three databases.
		const prev = [...observed.values()].at(-1) ?? Promise.resolve(undefined);
		o = prev.then(() => runExchangeHistory(sc));
		observed.set(key, o);
	}
	return o;
}

type Did = XObservation['did'];

/** Asserts a law over RUNS histories; returns in how many of them each count was above 0. */
async function holds(law: XLaw): Promise<Record<keyof Did, number>> {
	const runs: Record<keyof Did, number> = nothingDone();
	await fc.assert(
		fc.asyncProperty(scenarioArb, async (sc) => {
			const o = await observe(sc);
			expect(o.found[law]).toEqual([]);
			for (const key of Object.keys(runs) as (keyof Did)[]) if (o.did[key] > 0) runs[key]++;
		}),
		{ numRuns: RUNS, seed: SEED }
	);
	return runs;
}

const TIMEOUT = 600_000;

describe('sending only what changed, over random histories on real databases', () => {
	it(
		'the files written to a recipient since their last full one carry the whole scope',
		async () => {
			const runs = await holds('export');
			expect(runs.deltas).toBeGreaterThan(RUNS / 2);
			expect(runs.handovers).toBeGreaterThan(RUNS / 10);
			expect(runs.unwritten).toBeGreaterThan(RUNS / 10);
		},
		TIMEOUT
	);

	it(
		'their runs follow one another, so a receiver missing some is told exactly theirs',
		async () => {
			const runs = await holds('gaps');
			expect(runs.missing).toBeGreaterThan(RUNS / 20);
		},
		TIMEOUT
	);

	it(
		'each device lists as missing what the files it applied and kept leave out',
		async () => {
			const runs = await holds('received');
			expect(runs.undone).toBeGreaterThan(RUNS / 40);
			expect(runs.repeats).toBeGreaterThan(RUNS / 100);
		},
		TIMEOUT
	);

	it(
		'full files and files of changes from three devices, in any order with repeats, merge alike',
		async () => {
			const runs = await holds('merge');
			expect(runs.mixed).toBeGreaterThan(RUNS / 10);
		},
		TIMEOUT
	);
});
