import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGES } from '../deal/stages';
import { checkHandOver, planHandOver, planSize, type HandOverMember } from './handover';

const SOURCES = {
	customers: [
		{ id: 'c1', ownerId: 'li', trashedAt: null },
		{ id: 'c2', ownerId: 'li', trashedAt: 5 },
		{ id: 'c3', ownerId: 'wang', trashedAt: null }
	],
	deals: [
		{ id: 'd-open', ownerId: 'li', trashedAt: null, stage: 'proposal' },
		{ id: 'd-won', ownerId: 'li', trashedAt: null, stage: 'won' },
		{ id: 'd-lost', ownerId: 'li', trashedAt: null, stage: 'lost' },
		{ id: 'd-gone-stage', ownerId: 'li', trashedAt: null, stage: 'a_removed_stage' }
	],
	tasks: [
		{ id: 't-open', ownerId: 'li', trashedAt: null, done: false, dueAt: 1 },
		{ id: 't-done', ownerId: 'li', trashedAt: null, done: true, dueAt: 1 }
	],
	tickets: [
		{ id: 'k-open', ownerId: 'li', trashedAt: null, status: 'in_progress' as const },
		{ id: 'k-closed', ownerId: 'li', trashedAt: null, status: 'closed' as const }
	]
};

describe('planHandOver', () => {
	it('moves customers and what is still open, never the history', () => {
		const plan = planHandOver('li', SOURCES, DEFAULT_STAGES);
		expect(plan).toEqual({
			customers: ['c1'],
			deals: ['d-open', 'd-gone-stage'],
			tasks: ['t-open'],
			tickets: ['k-open']
		});
		expect(planSize(plan)).toBe(5);
		expect(planSize(planHandOver('nobody', SOURCES, DEFAULT_STAGES))).toBe(0);
	});
});

describe('checkHandOver', () => {
	const members: HandOverMember[] = [
		{ id: 'li', trashedAt: null, status: 'left' },
		{ id: 'wang', trashedAt: null, status: 'active' },
		{ id: 'emma', trashedAt: null, status: 'left' },
		{ id: 'gone', trashedAt: 9, status: 'active' }
	];
	const plan = planHandOver('li', SOURCES, DEFAULT_STAGES);
	const codes = (from: string, to: string, p = plan) =>
		checkHandOver(from, to, members, p).map((e) => e.code);
	it('accepts a hand-over to a member on the team', () => {
		expect(codes('li', 'wang')).toEqual([]);
	});
	it('refuses a hand-over to oneself, to nobody known, to a leaver, or of nothing', () => {
		expect(codes('li', 'li')).toEqual(['handover_same_member']);
		expect(codes('li', 'stranger')).toEqual(['handover_to_unknown']);
		expect(codes('li', 'gone')).toEqual(['handover_to_unknown']);
		expect(codes('li', 'emma')).toEqual(['handover_to_left']);
		expect(codes('stranger', 'wang')).toEqual(['handover_member_unknown']);
		expect(codes('wang', 'li', planHandOver('emma', SOURCES, DEFAULT_STAGES))).toEqual([
			'handover_to_left'
		]);
		expect(codes('li', 'wang', { customers: [], deals: [], tasks: [], tickets: [] })).toEqual([
			'handover_nothing'
		]);
	});
});
