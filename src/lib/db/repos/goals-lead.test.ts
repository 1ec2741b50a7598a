import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { Goal } from '$lib/domain/goal/goal';
import { goalId } from '$lib/domain/team/keyed-id';
import { createRecord } from '$lib/sync/edit';
import { db } from '../db';
import { nextStamp } from '../session';
import { createGoal, goalActuals, listGoals, planLevelGoals } from './goals';
import { createTicket, setTicketStatus } from './tickets';
import { errorCodes, HOUR, TZ } from './test-fixtures';

/** The lead's goals: every KPI, the market share entered by hand, one goal per key. */

const APRIL = { periodKind: 'month', periodStart: '2026-04-01' } as const;
const APRIL_1 = Date.UTC(2026, 3, 1) - TZ * 60_000;

async function actuals(owner: string) {
	return goalActuals(await listGoals(owner), TZ);
}

/** A ticket of `ownerId` opened at `openedAt` and, unless null, closed at `closedAt`. */
async function ticket(ownerId: string, openedAt: number, closedAt: number | null) {
	vi.useFakeTimers({ toFake: ['Date'] });
	try {
		vi.setSystemTime(closedAt ?? openedAt);
		const id = await createTicket({
			customerId: 'c1',
			kind: 'support',
			priority: 'normal',
			title: 'ticket',
			description: '',
			openedAt,
			ownerId
		});
		if (closedAt !== null) await setTicketStatus(id, 'closed');
	} finally {
		vi.useRealTimers();
	}
}

describe('goals the lead sets', () => {
	it('stores a market share entered by hand and reads it as the goal’s actual', async () => {
		const id = await createGoal(
			{ ownerId: 'ms', metric: 'market_share', ...APRIL, target: 20, enteredActual: 18 },
			TZ
		);
		expect(id).toBe(goalId('ms', 'market_share', 'month', '2026-04-01'));
		expect((await actuals('ms')).get(id)).toBe(18);
		// A new target alone keeps the share entered; null clears it.
		await createGoal({ ownerId: 'ms', metric: 'market_share', ...APRIL, target: 25 }, TZ);
		expect((await db().goals.get(id))?.enteredActual).toBe(18);
		await createGoal(
			{ ownerId: 'ms', metric: 'market_share', ...APRIL, target: 25, enteredActual: null },
			TZ
		);
		expect((await db().goals.get(id))?.enteredActual).toBeNull();
		expect((await actuals('ms')).get(id)).toBeNull();
	});

	it('refuses a share over 100 or a negative target, and stores nothing', async () => {
		const draft = { ownerId: 'bad', metric: 'market_share', ...APRIL, target: 20 } as const;
		expect(await errorCodes(createGoal({ ...draft, enteredActual: 150 }, TZ))).toEqual([
			'entered_invalid'
		]);
		expect(await errorCodes(createGoal({ ...draft, target: -1, enteredActual: 10 }, TZ))).toEqual([
			'target_invalid'
		]);
		expect(
			await errorCodes(
				createGoal({ ...draft, metric: 'sales_amount', target: 1, enteredActual: 10 }, TZ)
			)
		).toEqual(['entered_not_allowed']);
		expect(await db().goals.where('ownerId').equals('bad').count()).toBe(0);
	});

	it('averages the resolution time of the period’s closed tickets, in hours', async () => {
		await ticket('rt', APRIL_1 + HOUR, APRIL_1 + 5 * HOUR); // 4 h
		await ticket('rt', APRIL_1 + 2 * HOUR, APRIL_1 + 12 * HOUR); // 10 h
		await ticket('rt', APRIL_1 + 3 * HOUR, null); // still open
		await ticket('rt', APRIL_1 - 50 * HOUR, APRIL_1 - HOUR); // closed in March
		const id = await createGoal(
			{ ownerId: 'rt', metric: 'avg_resolution_time', ...APRIL, target: 8 },
			TZ
		);
		expect((await actuals('rt')).get(id)).toBe(7);
	});

	it('a copy with a random id counts once, and is retired when its key is set', async () => {
		const stamp = await nextStamp();
		const copy = createRecord<Goal>(
			'random-old-id',
			{
				ownerId: 'old',
				metric: 'new_customers',
				...APRIL,
				target: 5,
				setBy: 'lead',
				trashedAt: null
			},
			stamp
		);
		await db().goals.put(copy);
		expect((await listGoals('old')).map((g) => g.target)).toEqual([5]);
		const id = await createGoal(
			{ ownerId: 'old', metric: 'new_customers', ...APRIL, target: 9 },
			TZ
		);
		expect((await listGoals('old')).map((g) => [g.id, g.target])).toEqual([[id, 9]]);
		expect((await db().goals.get('random-old-id'))?.trashedAt).not.toBeNull();
		// Even unretired (it arrives again in an old file), it is left out.
		await db().goals.put(copy);
		expect((await listGoals('old')).map((g) => g.id)).toEqual([id]);
	});

	it('a level’s goal may be on any KPI', async () => {
		expect(
			await errorCodes(
				planLevelGoals({ level: 'none', metric: 'avg_resolution_time', ...APRIL, target: 8 })
			)
		).toEqual(['no_members_at_level']);
	});
});
