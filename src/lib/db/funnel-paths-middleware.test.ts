import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { funnelTalliesOf, pathMoveOf, type FunnelTally } from '$lib/domain/deal/funnel-paths';
import { conversionFunnel } from '$lib/domain/deal/stage-history';
import { DEFAULT_STAGES } from '$lib/domain/deal/stages';
import { db } from './db';
import { loadTeamFunnel } from './repos/deal-funnel';
import type { RapportDB } from './schema';

/**
 * Whatever mix of writes reaches the deals' moves and the deals (moves added, put again, trashed,
 * deleted; deals put in and out of the trash, removed; several writes in flight in one
 * transaction; transactions rolled back), the stored path tallies equal those of the stored
 * moves built from nothing, and a month's funnel read from them equals the funnel of the moves.
 */

const DAY = 86_400_000;
/** The device's offset: the tallies of a new database count its days. */
const OFFSET = -new Date().getTimezoneOffset();
const monthStart = (y: number, m: number) => Date.UTC(y, m, 1) - OFFSET * 60_000;
const NOV = { startAt: monthStart(2026, 10), endAt: monthStart(2026, 11) };
// A fixed-offset zone at this machine's offset, so the tallies count the team's days.
const ZONE = OFFSET === 0 ? 'UTC' : `Etc/GMT${OFFSET > 0 ? '-' : '+'}${Math.abs(OFFSET / 60)}`;

const dealArb = fc.constantFrom('a', 'b', 'c', 'd');
const KEYS = ['lead', 'proposal', 'won', 'lost', 'gone'];
const moveArb = fc.record({
	id: fc.constantFrom('s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8'),
	dealId: dealArb,
	customerId: fc.constant('c1'),
	ownerId: fc.constantFrom('m1', 'm2'),
	from: fc.option(fc.constantFrom(...KEYS)),
	to: fc.constantFrom(...KEYS),
	at: fc.oneof(
		fc.integer({ min: NOV.startAt - 3 * DAY, max: NOV.startAt + 3 * DAY }),
		fc.constantFrom(NOV.startAt, NOV.startAt - 1, NOV.endAt - 1)
	),
	trashedAt: fc.constantFrom(null, null, null, 5)
});

type Write =
	| { kind: 'moves'; records: Record<string, unknown>[] }
	| { kind: 'trashMove' | 'deleteMove'; id: string }
	| { kind: 'deal'; id: string; trashed: boolean }
	| { kind: 'deleteDeal'; id: string };

const writeArb: fc.Arbitrary<Write> = fc.oneof(
	{
		weight: 3,
		arbitrary: fc.record({
			kind: fc.constant('moves' as const),
			records: fc.uniqueArray(moveArb, { maxLength: 4, selector: (r) => r.id })
		})
	},
	fc.record({
		kind: fc.constantFrom('trashMove' as const, 'deleteMove' as const),
		id: fc.constantFrom('s1', 's2', 's3', 's4')
	}),
	fc.record({ kind: fc.constant('deal' as const), id: dealArb, trashed: fc.boolean() }),
	fc.record({ kind: fc.constant('deleteDeal' as const), id: dealArb })
);

type Step = { kind: 'alone' | 'together' | 'rolledBack'; writes: Write[] };
const stepArb: fc.Arbitrary<Step> = fc.record({
	kind: fc.constantFrom(
		'alone' as const,
		'alone' as const,
		'together' as const,
		'rolledBack' as const
	),
	writes: fc.array(writeArb, { minLength: 1, maxLength: 3 })
});

async function run(d: RapportDB, w: Write): Promise<void> {
	switch (w.kind) {
		case 'moves':
			await d.dealStageChanges.bulkPut(w.records as never);
			return;
		case 'trashMove':
			await d.dealStageChanges.update(w.id, { trashedAt: 9 });
			return;
		case 'deleteMove':
			await d.dealStageChanges.delete(w.id);
			return;
		case 'deal':
			await d.deals.put({
				id: w.id,
				customerId: 'c1',
				ownerId: 'm1',
				stage: 'lead',
				trashedAt: w.trashed ? 3 : null
			} as never);
			return;
		case 'deleteDeal':
			await d.deals.delete(w.id);
	}
}

async function apply(d: RapportDB, step: Step): Promise<void> {
	if (step.kind === 'alone') {
		for (const w of step.writes) await run(d, w);
		return;
	}
	const tables = [d.deals, d.dealStageChanges];
	if (step.kind === 'together') {
		await d.transaction('rw', tables, () => Promise.all(step.writes.map((w) => run(d, w))));
		return;
	}
	await d
		.transaction('rw', tables, async () => {
			for (const w of step.writes) await run(d, w);
			throw new Error('roll back');
		})
		.catch((e: unknown) => {
			if (!(e instanceof Error) || e.message !== 'roll back') throw e;
		});
}

const key = (t: FunnelTally) => JSON.stringify(t.k);
const live = (list: FunnelTally[]) =>
	list.filter((t) => t.n !== 0).sort((a, b) => (key(a) < key(b) ? -1 : 1));

describe('the funnel paths middleware', () => {
	it('keeps the path tallies equal to those of the stored moves, and the funnel to theirs', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(stepArb, { maxLength: 8 }),
				fc.subarray(['m1', 'm2'], { minLength: 1 }),
				async (steps, roster) => {
					// The app's database, emptied through the middleware (its clears are writes too).
					const d = db();
					await d.dealStageChanges.clear();
					await d.deals.clear();
					{
						for (const step of steps) await apply(d, step);
						const moves = (await d.dealStageChanges.toArray()).flatMap((m) => pathMoveOf(m) ?? []);
						const trashed = new Set(
							(await d.deals.toArray()).filter((x) => x.trashedAt != null).map((x) => x.id)
						);
						const stored = (await d.tallies.toArray()).filter(
							(t): t is FunnelTally => t.k[0] === 'P' || t.k[0] === 'M'
						);
						expect(live(stored)).toEqual(live(funnelTalliesOf(moves, trashed, OFFSET)));
						// The month's funnel from the tallies, as the dashboard reads it.
						const owners = new Set(roster);
						const expected = conversionFunnel(
							moves.filter((m) => owners.has(m.ownerId) && !trashed.has(m.dealId)),
							NOV,
							DEFAULT_STAGES
						);
						expect(
							await loadTeamFunnel({
								members: roster,
								period: { ...NOV, zone: ZONE },
								stages: DEFAULT_STAGES
							})
						).toEqual(expected);
					}
				}
			),
			{ numRuns: 40 }
		);
	});
});
