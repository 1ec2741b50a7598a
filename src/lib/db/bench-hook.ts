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
		snapshotExport: async () => (await import('./bench-snapshot')).exportForBench(),
		snapshotImport: async (file: Blob) => (await import('./bench-snapshot')).importForBench(file),
		// A day's work sent as a file of changes (bench/suites/delta.mjs).
		delta: async () => import('./bench-delta'),
		// A lead's team of account managers with a month of orders and today's reports.
		rhythm: async (o: { members: number; ordersPerMember: number }) =>
			(await import('./bench-rhythm')).seedRhythm(o),
		// Where the team dashboard's time goes: each of its reads timed on its own (the team suite).
		teamParts: async () => (await import('./bench-team')).timeTeamParts(),
		// This device's member leads the team, so the team pages show it whole (the team suite).
		becomeLead: async () => (await import('./repos/role-question')).answerRoleQuestion('ops_lead'),
		// The stores' indexes as the current schema declares them (the storage suite's floor).
		stores: (names: readonly string[]) => storeSpecs(db()).filter((s) => names.includes(s.name)),
		// Profiles upgraded by an older build may lack tallies this build counts: built again here.
		rebuildTallies: async () => {
			const { rebuildTallies } = await import('./tallies-rebuild');
			const d = db();
			await d.transaction('rw', [d.interactions, d.orders, d.deals, d.tallies], (tx) =>
				rebuildTallies(tx, -new Date().getTimezoneOffset())
			);
		}
	};
}
