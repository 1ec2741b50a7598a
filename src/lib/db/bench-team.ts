import { teamPeriodContaining } from '$lib/domain/team/team-period';
import { loadTeamFunnel } from './repos/deal-funnel';
import { getStageConfig } from './repos/deals';
import { rosterPipeline } from './repos/home';
import { loadTeamDashboard, loadTeamTrend, teamMembers } from './repos/team-dashboard';
import { readLatestWork, readTeamKpis } from './repos/team-kpi-reads';
import { getTeamZone } from './repos/team-settings';

/**
 * The team dashboard's reads one after the other, each timed (bench/suites/team.mjs): which of
 * them the page waits for, to choose what to make faster.
 */
export async function timeTeamParts(): Promise<Record<string, number>> {
	const timed = async (f: () => Promise<unknown>): Promise<number> => {
		const t0 = performance.now();
		await f();
		return performance.now() - t0;
	};
	const [members, config, zone] = await Promise.all([
		teamMembers(),
		getStageConfig(),
		getTeamZone()
	]);
	const r = teamPeriodContaining(zone, 'month', Date.now());
	if (!r.ok) throw new Error('no period');
	const period = r.value;
	const ids = members.map((m) => m.id);
	return {
		figures: await timed(() =>
			loadTeamDashboard({ members, period, now: Date.now(), stages: config.stages, lines: [] })
		),
		trend: await timed(() => loadTeamTrend({ members, period })),
		// What the figures are made of.
		kpiReads: await timed(() => readTeamKpis(ids, period, zone)),
		latestWork: await timed(() => readLatestWork(ids, Date.now())),
		pipelines: await timed(() => rosterPipeline(ids, config.stages)),
		funnel: await timed(() =>
			loadTeamFunnel({ members: members.map((m) => m.id), period, stages: config.stages })
		)
	};
}
