import type { InteractionDraft } from '$lib/domain/interaction/interaction';
import { cadenceErrors, DEFAULT_CADENCE, type Cadence } from '$lib/domain/task/cadence';
import { compareDue, dueBounds } from '$lib/domain/task/due-views';
import { isOpenTask } from '$lib/domain/task/ics';
import { TASK_PRIORITIES, type Task } from '$lib/domain/task/task';
import { createRecord } from '$lib/sync/edit';
import { db } from '../db';
import { newId } from '../ids';
import { nextStamp } from '../session';
import { guarded } from '../write';
import { editById } from './edit-by-id';
import { isFiniteNumber, refuse, textError } from './field-errors';
import { logInteraction } from './interactions';
import { readTeamSetting, writeTeamSetting } from './team-settings';

/** The fields a person sets on a task. */
export type TaskDraft = Pick<
	Task,
	'title' | 'dueAt' | 'priority' | 'customerId' | 'dealId' | 'kind' | 'ownerId'
>;

const TITLE_MAX = 200;

function checked(d: TaskDraft): TaskDraft {
	const errors = [];
	const title = textError('title', d.title, TITLE_MAX, true);
	if (title) errors.push(title);
	if (!isFiniteNumber(d.dueAt)) errors.push({ field: 'dueAt', code: 'due_invalid' });
	if (!TASK_PRIORITIES.includes(d.priority))
		errors.push({ field: 'priority', code: 'priority_invalid' });
	if (!d.ownerId) errors.push({ field: 'ownerId', code: 'owner_required' });
	refuse(errors);
	return { ...d, title: d.title.trim() };
}

/** Tasks linked to a customer (open and done), for its timeline. */
export async function listTasksForCustomer(customerId: string): Promise<Task[]> {
	const list = await db().tasks.where('customerId').equals(customerId).toArray();
	return list.filter((t) => t.trashedAt === null);
}

export interface DueGroup {
	total: number;
	/** The first of them in due order (earliest, then higher priority), at most `limit`. */
	first: Task[];
}

/** Open tasks of an owner due in [from, to): how many, and the first few in due order. */
async function dueGroup(ownerId: string, from: number, to: number, limit: number) {
	const range = (hi: number, withHi = false) =>
		db().tasks.where('[ownerId+openDueAt]').between([ownerId, from], [ownerId, hi], true, withHi);
	const [total, head] = await Promise.all([range(to).count(), range(to).limit(limit).toArray()]);
	const last = head.at(-1);
	// Tasks due at the same moment as the last one read are ordered by priority: read them all.
	const candidates = head.length === limit && last ? await range(last.dueAt, true).toArray() : head;
	return {
		total,
		first: candidates.filter(isOpenTask).sort(compareDue).slice(0, limit)
	} satisfies DueGroup;
}

/**
 * Home's tasks: open tasks of an owner overdue and due today (local days at `tzOffsetMin`), each
 * counted and the first `limit` read, from the open-only index: neither done tasks nor the many
 * overdue ones past the first few are read.
 */
export async function tasksDueOf(
	ownerId: string,
	now: number,
	tzOffsetMin: number,
	limit = 8
): Promise<{ overdue: DueGroup; today: DueGroup }> {
	const b = dueBounds(now, tzOffsetMin);
	const [overdue, today] = await Promise.all([
		dueGroup(ownerId, -Infinity, b.todayStart, limit),
		dueGroup(ownerId, b.todayStart, b.tomorrowStart, limit)
	]);
	return { overdue, today };
}

/** Every task of one owner (open and done, not trashed), for the task list and its CSV. */
export async function listTasks(ownerId: string): Promise<Task[]> {
	const list = await db()
		.tasks.where('[ownerId+dueAt]')
		.between([ownerId, -Infinity], [ownerId, Infinity])
		.toArray();
	return list.filter((t) => t.trashedAt === null);
}

export async function createTask(draft: TaskDraft): Promise<string> {
	const value = checked(draft);
	const id = newId();
	const stamp = await nextStamp();
	const record = createRecord<Task>(
		id,
		{ ...value, fromInteractionId: null, done: false, doneAt: null, trashedAt: null },
		stamp
	);
	await guarded(() => db().tasks.add(record));
	return id;
}

/** Marks a task done (with when) or open again. */
export async function setTaskDone(id: string, done: boolean, now = Date.now()): Promise<void> {
	await editById(db().tasks, id, (t) => ({
		done,
		doneAt: done ? (t.done ? t.doneAt : now) : null
	}));
}

/**
 * Completes a follow-up (回访): the contact is logged as an interaction (which updates the
 * customer's last contact, so a cadence follow-up stops being due), and the follow-up is
 * recorded as done: the given task is ticked, or, for a follow-up the cadence asked for, a done
 * follow-up task is kept so "follow-ups done" can be counted against a goal.
 */
export async function completeFollowUp(
	interaction: InteractionDraft,
	taskId: string | null
): Promise<string> {
	const interactionId = await logInteraction(interaction);
	const now = Date.now();
	if (taskId) {
		await setTaskDone(taskId, true, now);
	} else {
		const stamp = await nextStamp();
		const record = createRecord<Task>(
			newId(),
			{
				title: interaction.summary.trim().slice(0, TITLE_MAX),
				dueAt: interaction.at,
				priority: 'normal',
				customerId: interaction.customerId,
				dealId: null,
				fromInteractionId: interactionId,
				kind: 'follow_up',
				done: true,
				doneAt: now,
				ownerId: interaction.ownerId,
				trashedAt: null
			},
			stamp
		);
		await guarded(() => db().tasks.add(record));
	}
	return interactionId;
}

/** The follow-up cadence per tier (a team setting), the defaults while the team has none. */
export async function getCadence(): Promise<Cadence> {
	return (await readTeamSetting('followUpCadence')) ?? { ...DEFAULT_CADENCE };
}

/** Days per tier; 0 switches the automatic follow-up off for that tier. */
export async function setCadence(cadence: Cadence): Promise<void> {
	refuse(cadenceErrors(cadence));
	await writeTeamSetting('followUpCadence', { A: cadence.A, B: cadence.B, C: cadence.C });
}
