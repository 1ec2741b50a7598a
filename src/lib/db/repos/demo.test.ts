import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ladderOf } from '$lib/domain/growth/ladder-level';
import { memberHistory, rosterOn } from '$lib/domain/team/member-fact';
import { shiftPeriod, teamPeriodContaining } from '$lib/domain/team/team-period';
import { db } from '../db';
import { hasDemoData, loadDemoData, removeDemoData } from './demo';
import { listCloses } from './team-closes';
import { readTeam } from './team-roster';

describe('the demo for a lead', () => {
	it('brings a team with levels, lines and last month closed, and takes it all away again', async () => {
		await loadDemoData();
		expect(await hasDemoData()).toBe(true);
		const team = await readTeam();
		const byName = new Map(team.members.map((m) => [m.name, m]));
		const ladder = ladderOf(team.levels);
		expect(ladder.map((l) => l.name)).toEqual(['客户经理', '高级客户经理', '销售主管']);
		const levelName = (id: string | null) => ladder.find((l) => l.id === id)?.name ?? null;

		const today = rosterOn(
			team.members.map((m) => m.id),
			team.facts,
			team.today
		);
		const wang = byName.get('王磊')!;
		const chen = byName.get('陈晓东')!;
		expect(levelName(today.get(wang.id)!.level)).toBe('高级客户经理');
		expect(today.get(wang.id)!.reportsTo).toBe(chen.id);
		expect(levelName(today.get(chen.id)!.level)).toBe('销售主管');
		// The promotion is dated this month: last month he was still 客户经理.
		const month = teamPeriodContaining(team.zone, 'month', Date.now());
		if (!month.ok) throw new Error('period');
		const last = shiftPeriod(month.value, -1);
		const then = rosterOn([wang.id], team.facts, last.start);
		expect(levelName(then.get(wang.id)!.level)).toBe('客户经理');
		expect(memberHistory(team.facts, wang.id).filter((e) => e.fact.kind === 'level')).toHaveLength(
			2
		);
		expect(wang.phone).toMatch(/^\+86/);

		const [closed] = await listCloses();
		expect(closed).toMatchObject({ periodKind: 'month', start: last.start, end: last.end });
		// Figures for every member, and the supervisor's team holds more than his own.
		expect(Object.keys(closed!.figures).sort()).toEqual(
			team.members
				.filter((m) => m.demo)
				.map((m) => m.id)
				.sort()
		);
		const chenFigures = closed!.figures[chen.id]!;
		expect(chenFigures.team.sales_amount ?? 0).toBeGreaterThan(chenFigures.own.sales_amount ?? 0);

		await removeDemoData();
		for (const table of ['levels', 'memberFacts', 'periodCloses', 'members', 'customers'])
			expect(
				await db()
					.table(table)
					.filter((r: { demo?: boolean }) => r.demo === true)
					.count(),
				table
			).toBe(0);
	});
});
