import { describe, expect, it } from 'vitest';
import { exchangeKey, scopePicks } from './exchange';
import { CUSTOMER_PARTS, SYNCED_TABLES } from './tables';

describe('exchanges', () => {
	it('are keyed by recipient and scope, one key per pair', () => {
		const keys = [
			exchangeKey({ recipient: { kind: 'team' }, scope: { kind: 'all' } }),
			exchangeKey({ recipient: { kind: 'lead' }, scope: { kind: 'mine', memberId: 'm1' } }),
			exchangeKey({
				recipient: { kind: 'member', memberId: 'm2' },
				scope: { kind: 'mine', memberId: 'm2' }
			}),
			exchangeKey({ recipient: { kind: 'member', memberId: 'm2' }, scope: { kind: 'goals' } }),
			exchangeKey({
				recipient: { kind: 'member', memberId: 'm2' },
				scope: { kind: 'goals', memberId: 'm2' }
			})
		];
		expect(keys).toEqual([
			'team/all',
			'lead/mine:m1',
			'member:m2/mine:m2',
			'member:m2/goals',
			'member:m2/goals:m2'
		]);
	});

	it('pick what the full exports of the same scopes pick', () => {
		expect(scopePicks({ kind: 'all' }).tables.map((p) => p.table)).toEqual(SYNCED_TABLES);
		const mine = scopePicks({ kind: 'mine', memberId: 'm1' });
		expect(mine.tables).toEqual([
			{ table: 'members', by: 'all' },
			{ table: 'customers', by: 'owner', field: 'ownerId', memberId: 'm1' },
			...CUSTOMER_PARTS.map((table) => ({ table, by: 'customer' }))
		]);
		expect(mine.tombstones).toBe('all');
		expect(scopePicks({ kind: 'goals', memberId: 'm1' })).toEqual({
			tables: [
				{ table: 'members', by: 'all' },
				{ table: 'goals', by: 'owner', field: 'ownerId', memberId: 'm1' }
			],
			tombstones: 'goals'
		});
	});
});
