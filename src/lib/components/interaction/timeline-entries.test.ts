import { describe, expect, it } from 'vitest';
import type { Interaction } from '$lib/domain/interaction/interaction';
import type { Task } from '$lib/domain/task/task';
import { timelineEntries } from './timeline-entries';

const meta = { created: { hlc: 'h', by: 'm' }, updated: 'h' };

function interaction(id: string, at: number, trashedAt: number | null = null): Interaction {
	return {
		id,
		_meta: meta,
		customerId: 'c',
		type: 'call',
		at,
		durationMinutes: null,
		summary: '',
		outcome: '',
		satisfaction: null,
		nextFollowUp: null,
		ownerId: 'm',
		trashedAt
	};
}

function task(id: string, dueAt: number, trashedAt: number | null = null): Task {
	return {
		id,
		_meta: meta,
		title: '',
		dueAt,
		priority: 'normal',
		customerId: 'c',
		dealId: null,
		fromInteractionId: null,
		kind: 'follow_up',
		done: false,
		doneAt: null,
		ownerId: 'm',
		trashedAt
	};
}

describe('timelineEntries', () => {
	it('merges interactions and tasks newest first', () => {
		const out = timelineEntries(
			[interaction('i1', 100), interaction('i2', 300)],
			[task('t1', 500), task('t2', 200)]
		);
		expect(out.map((e) => e.id)).toEqual(['t1', 'i2', 't2', 'i1']);
		expect(out[0]?.kind).toBe('task');
	});

	it('leaves out trashed records and orders ties stably', () => {
		const out = timelineEntries(
			[interaction('b', 100), interaction('a', 100), interaction('x', 50, 1)],
			[task('t', 100), task('y', 400, 2)]
		);
		expect(out.map((e) => e.id)).toEqual(['a', 'b', 't']);
	});

	it('is empty for nothing', () => {
		expect(timelineEntries([], [])).toEqual([]);
	});
});
