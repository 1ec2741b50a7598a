import type { Synced } from '../../sync/stamp';
import type { EpochMs, Id } from '../shared/types';

export const TASK_PRIORITIES = ['low', 'normal', 'high'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

export const TASK_KINDS = ['todo', 'follow_up'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** A to-do, often a follow-up (回访) created from an interaction. */
export interface Task extends Synced {
	title: string;
	/** Due moment; a date-only task is due at local midnight. */
	dueAt: EpochMs;
	priority: TaskPriority;
	customerId: Id | null;
	dealId: Id | null;
	/** The interaction whose "next follow-up" created this task, if any. */
	fromInteractionId: Id | null;
	kind: TaskKind;
	done: boolean;
	doneAt: EpochMs | null;
	ownerId: Id;
	trashedAt: EpochMs | null;
	demo?: boolean;
}
