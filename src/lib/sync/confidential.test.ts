import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayCarry, privateMemberOf, type FileFor } from './confidential';
import { SYNCED_TABLES, specOf } from './tables';

const goal = (ownerId: string) => ({ id: 'g', ownerId, metric: 'sales_amount' });
const review = (memberId: string) => ({ id: 'r', memberId, notes: 'good year' });

describe('confidential records', () => {
	it('names goals and reviews as private to their member, customers as not private', () => {
		expect(privateMemberOf('goals', goal('li'))).toBe('li');
		expect(privateMemberOf('reviews', review('li'))).toBe('li');
		expect(privateMemberOf('customers', { ownerId: 'li' })).toBeNull();
		expect(privateMemberOf('a_newer_table', { memberId: 'li' })).toBeNull();
	});

	it('go to their member, back to the lead from that member, and into backups only', () => {
		const g = goal('li');
		expect(mayCarry('goals', g, { kind: 'member', memberId: 'li' }, 'lead-1')).toBe(true);
		expect(mayCarry('goals', g, { kind: 'member', memberId: 'wang' }, 'lead-1')).toBe(false);
		expect(mayCarry('goals', g, { kind: 'lead' }, 'li')).toBe(true);
		expect(mayCarry('goals', g, { kind: 'lead' }, 'wang')).toBe(false);
		expect(mayCarry('goals', g, { kind: 'team' }, 'li')).toBe(false);
		expect(mayCarry('goals', g, { kind: 'backup' }, 'wang')).toBe(true);
		expect(mayCarry('reviews', review(''), { kind: 'member', memberId: '' }, '')).toBe(false);
	});

	it('never let a file for the team or another member carry a private record (property)', () => {
		const member = fc.constantFrom('li', 'wang', 'zhao', '');
		const to = fc.oneof(
			fc.constant<FileFor>({ kind: 'team' }),
			fc.constant<FileFor>({ kind: 'lead' }),
			fc.constant<FileFor>({ kind: 'backup' }),
			member.map((memberId): FileFor => ({ kind: 'member', memberId }))
		);
		const table = fc.constantFrom(...SYNCED_TABLES);
		fc.assert(
			fc.property(table, member, member, to, (t, owner, sender, dest) => {
				const field = specOf(t)?.privateTo;
				const record = { id: 'x', ownerId: owner, memberId: owner };
				const carried = mayCarry(t, record, dest, sender);
				const reader =
					dest.kind === 'member' ? dest.memberId : dest.kind === 'lead' ? sender : null;
				if (!field || dest.kind === 'backup') expect(carried).toBe(true);
				else expect(carried).toBe(reader !== null && reader !== '' && reader === owner);
			}),
			{ numRuns: 1000 }
		);
	});
});
