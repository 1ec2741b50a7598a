import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MemberStatus } from './dated';
import {
	checkMemberFact,
	factIdOf,
	memberHistory,
	rosterOn,
	type FactContext,
	type MemberFact,
	type MemberFactDraft
} from './member-fact';

const meta = (hlc = '000001700000000:0000:d') => ({ created: { hlc, by: 'lead' }, updated: hlc });

function fact(d: MemberFactDraft, over: Partial<MemberFact> = {}): MemberFact {
	return { ...d, id: factIdOf(d), _meta: meta(), trashedAt: null, ...over } as MemberFact;
}
const level = (memberId: string, value: string, from: string): MemberFactDraft => ({
	memberId,
	kind: 'level',
	value,
	from,
	note: ''
});
const line = (memberId: string, value: string | null, from: string): MemberFactDraft => ({
	memberId,
	kind: 'reports_to',
	value,
	from,
	note: ''
});
const status = (memberId: string, value: MemberStatus, from: string): MemberFactDraft => ({
	memberId,
	kind: 'status',
	value,
	from,
	note: ''
});

const ctx = (facts: MemberFact[] = []): FactContext => ({
	facts,
	memberIds: new Set(['a', 'b', 'c']),
	levelIds: new Set(['am', 'senior'])
});
const codes = (d: MemberFactDraft, c: FactContext) => checkMemberFact(d, c).map((e) => e.code);

describe('checkMemberFact', () => {
	it('accepts a first level, line and status', () => {
		expect(codes(level('a', 'am', '2025-01-01'), ctx())).toEqual([]);
		expect(codes(line('a', null, '2025-01-01'), ctx())).toEqual([]);
		expect(codes(line('a', 'b', '2025-01-01'), ctx())).toEqual([]);
		expect(codes(status('a', 'active', '2025-01-01'), ctx())).toEqual([]);
	});

	it('refuses an unknown member, a bad date and an overlong note', () => {
		expect(codes(level('x', 'am', '2025-01-01'), ctx())).toEqual(['member_unknown']);
		expect(codes(level('a', 'am', '2025-02-30'), ctx())).toEqual(['from_invalid']);
		expect(codes({ ...level('a', 'am', '2025-01-01'), note: 'x'.repeat(501) }, ctx())).toEqual([
			'note_too_long'
		]);
		expect(codes({ ...level('', 'am', '2025-01-01') }, ctx())).toEqual(['member_required']);
	});

	it('refuses a value that is not of its kind', () => {
		expect(codes(level('a', 'nowhere', '2025-01-01'), ctx())).toEqual(['level_unknown']);
		expect(codes(status('a', 'retired' as MemberStatus, '2025-01-01'), ctx())).toEqual([
			'status_invalid'
		]);
		expect(codes(line('a', 'stranger', '2025-01-01'), ctx())).toEqual(['manager_unknown']);
	});

	it('refuses a line to oneself and a loop, on the date it would close', () => {
		expect(codes(line('a', 'a', '2025-01-01'), ctx())).toEqual(['reports_to_self']);
		const stored = [fact(line('a', 'b', '2025-01-01')), fact(line('b', 'c', '2025-01-01'))];
		expect(codes(line('c', 'a', '2025-03-01'), ctx(stored))).toEqual(['reporting_cycle']);
		// Before a's line begins, c reporting to a closes no loop; from its start it would.
		const later = [fact(line('a', 'b', '2025-06-01')), fact(line('b', 'c', '2025-01-01'))];
		expect(codes(line('c', 'a', '2025-03-01'), ctx(later))).toEqual(['reporting_cycle']);
		const ended = [...later, fact(line('a', null, '2025-02-01'))];
		expect(codes(line('c', 'a', '2025-03-01'), ctx(ended))).toEqual(['reporting_cycle']);
		const moved = [fact(line('a', 'b', '2025-01-01')), fact(line('a', null, '2025-02-01'))];
		expect(codes(line('b', 'a', '2025-03-01'), ctx(moved))).toEqual([]);
	});

	it('refuses the value already in force that day, not a correction of the same record', () => {
		const stored = [fact(level('a', 'am', '2025-01-01'))];
		expect(codes(level('a', 'am', '2025-03-01'), ctx(stored))).toEqual(['fact_unchanged']);
		expect(codes(level('a', 'senior', '2025-01-01'), ctx(stored))).toEqual([]);
		expect(codes(level('a', 'senior', '2025-03-01'), ctx(stored))).toEqual([]);
		// A trashed record is not in force.
		const trashed = [fact(level('a', 'am', '2025-01-01'), { trashedAt: 5 })];
		expect(codes(level('a', 'am', '2025-03-01'), ctx(trashed))).toEqual([]);
	});
});

describe('memberHistory', () => {
	const facts = [
		fact(level('a', 'am', '2024-03-15')),
		fact(level('a', 'senior', '2025-04-01')),
		fact(line('a', 'b', '2024-03-15')),
		fact(status('a', 'on_leave', '2025-02-01')),
		fact(level('b', 'senior', '2024-01-01')),
		fact(level('a', 'am', '2024-01-01'), { trashedAt: 3 })
	];
	it('lists a member’s live facts newest first, each with the value it replaced', () => {
		const h = memberHistory(facts, 'a').map((e) => [e.fact.kind, e.fact.value, e.previous]);
		expect(h).toEqual([
			['level', 'senior', 'am'],
			['status', 'on_leave', undefined],
			['reports_to', 'b', undefined],
			['level', 'am', undefined]
		]);
	});
	it('shows one record per kind and day: the one in force', () => {
		const tie = [
			fact(level('a', 'am', '2024-03-15')),
			{
				...fact(level('a', 'senior', '2024-03-15')),
				id: 'other',
				_meta: meta('000001800000000:0000:d')
			}
		];
		expect(memberHistory(tie, 'a').map((e) => e.fact.value)).toEqual(['senior']);
	});
});

describe('rosterOn', () => {
	it('gives each member their level, manager and status on a date; active by default', () => {
		const facts = [
			fact(level('a', 'am', '2024-03-15')),
			fact(level('a', 'senior', '2025-04-01')),
			fact(line('a', 'b', '2024-03-15')),
			fact(status('a', 'left', '2025-06-01'))
		];
		expect(rosterOn(['a', 'c'], facts, '2025-03-31')).toEqual(
			new Map([
				['a', { level: 'am', reportsTo: 'b', status: 'active' }],
				['c', { level: null, reportsTo: null, status: 'active' }]
			])
		);
		expect(rosterOn(['a'], facts, '2025-06-01').get('a')).toEqual({
			level: 'senior',
			reportsTo: 'b',
			status: 'left'
		});
	});

	it('law: a fact dated after a day changes nobody’s roster on that day', () => {
		const day = fc.integer({ min: 1, max: 28 }).map((d) => `2025-03-${String(d).padStart(2, '0')}`);
		const draft = fc.oneof(
			fc
				.tuple(fc.constantFrom('a', 'b', 'c'), fc.constantFrom('am', 'senior'), day)
				.map(([m, v, d]) => level(m, v, d)),
			fc
				.tuple(fc.constantFrom('a', 'b', 'c'), fc.constantFrom('a', 'b', 'c', null), day)
				.map(([m, v, d]) => line(m, v, d)),
			fc
				.tuple(
					fc.constantFrom('a', 'b', 'c'),
					fc.constantFrom(...(['active', 'on_leave', 'left'] as const)),
					day
				)
				.map(([m, v, d]) => status(m, v, d))
		);
		let compared = 0;
		fc.assert(
			fc.property(fc.array(draft, { maxLength: 12 }), draft, day, (stored, added, on) => {
				const facts = stored.map((d) => fact(d));
				const before = rosterOn(['a', 'b', 'c'], facts, on);
				const after = rosterOn(['a', 'b', 'c'], [...facts, fact(added)], on);
				if (added.from > on) {
					compared += 1;
					expect(after).toEqual(before);
				}
			}),
			{ numRuns: 1000 }
		);
		expect(compared).toBeGreaterThan(100);
	});
});
