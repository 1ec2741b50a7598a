import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { teamPeriod } from '$lib/domain/team/team-period';
import { db } from '../db';
import { closeTeamPeriod, listCloses, reopenTeamPeriod } from './team-closes';
import { errorCodes } from './test-fixtures';

describe('closed periods', () => {
	const figures = { m1: { own: { sales_amount: 5 }, team: { sales_amount: 5 } } } as never;
	it('closes an ended period once per span, and reopens it', async () => {
		const march = teamPeriod('Asia/Shanghai', 'month', '2025-03-01');
		if (!march.ok) throw new Error('period');
		const id = await closeTeamPeriod(march.value, figures);
		expect(id).toBe('period_close:month:2025-03-01:2025-04-01');
		expect((await listCloses()).map((c) => [c.id, c.zone, c.figures])).toEqual([
			[id, 'Asia/Shanghai', figures]
		]);
		await reopenTeamPeriod(id);
		expect(await listCloses()).toEqual([]);
		await closeTeamPeriod(march.value, figures);
		expect(await listCloses()).toHaveLength(1);
		expect(await db().periodCloses.count()).toBe(1);
	});

	it('refuses to close a period still running', async () => {
		const now = new Date();
		const start = `${now.getUTCFullYear() + 1}-01-01`;
		const next = teamPeriod('Asia/Shanghai', 'year', start);
		if (!next.ok) throw new Error('period');
		expect(await errorCodes(closeTeamPeriod(next.value, figures))).toEqual(['period_not_ended']);
	});
});
