/**
 * `window.__rapportBench`, for the benchmarks (bench/) only: installed when the page URL carries
 * `?bench`, and loaded lazily so it costs the normal app nothing.
 */
import { db } from './db';
import { storeSpecs } from './store-specs';

export async function installBenchHook(): Promise<void> {
	const { seedForBench } = await import('./bench-seed');
	(window as unknown as { __rapportBench: unknown }).__rapportBench = {
		seed: seedForBench,
		snapshotExport: async (onPage?: boolean) =>
			(await import('./bench-snapshot')).exportForBench(onPage),
		snapshotImport: async (file: Blob) => (await import('./bench-snapshot')).importForBench(file),
		// A day's work sent as a file of changes (bench/suites/delta.mjs).
		delta: async () => import('./bench-delta'),
		// Many files of changes merged at once (bench/suites/batch.mjs).
		batch: async () => import('./bench-batch'),
		// A lead's team of account managers with a month of orders and today's reports.
		rhythm: async (o: { members: number; ordersPerMember: number }) =>
			(await import('./bench-rhythm')).seedRhythm(o),
		// Where the pay page's time goes: each of its reads timed on its own (the rhythm suite).
		payParts: async (start: string) => (await import('./bench-rhythm')).timePayParts(start),
		// Where the team dashboard's time goes: each of its reads timed on its own (the team suite).
		teamParts: async () => (await import('./bench-team')).timeTeamParts(),
		// This device's member leads the team, so the team pages show it whole (the team suite).
		becomeLead: async () => (await import('./repos/role-question')).answerRoleQuestion('ops_lead'),
		// The stores' indexes as the current schema declares them (the storage suite's floor).
		stores: (names: readonly string[]) => storeSpecs(db()).filter((s) => names.includes(s.name)),
		// Profiles upgraded by an older build may lack tallies this build counts: built again here.
		rebuildTallies,
		// A profile seeded in another zone: its tallies built again at this page's offset, when
		// they count days at another (true when they were).
		alignTallies: async () => {
			const { TALLY_META_KEY } = await import('$lib/domain/reports/tallies');
			const meta = (await db().tallies.get(TALLY_META_KEY)) as { offsetMin?: number } | undefined;
			if (meta?.offsetMin === -new Date().getTimezoneOffset()) return false;
			await rebuildTallies();
			return true;
		}
	};
}

/** Every tally built again from the records, at this page's offset. */
async function rebuildTallies(): Promise<void> {
	const { rebuildTallies } = await import('./tallies-rebuild');
	const { TALLIED_TABLES } = await import('$lib/domain/reports/tallies');
	const d = db();
	await d.transaction('rw', [...TALLIED_TABLES, 'dealStageChanges', 'tallies'], (tx) =>
		rebuildTallies(tx, -new Date().getTimezoneOffset())
	);
}
