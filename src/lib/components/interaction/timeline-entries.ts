import type { Interaction } from '$lib/domain/interaction/interaction';
import type { Task } from '$lib/domain/task/task';

export type TimelineEntry =
	| { kind: 'interaction'; id: string; at: number; item: Interaction }
	| { kind: 'task'; id: string; at: number; item: Task };

/**
 * Interactions (at the moment they happened) and tasks (at their due moment) in one list,
 * newest first, so an upcoming follow-up sits on top. Trashed records are left out.
 * Ties keep interactions before tasks, then order by id, so the order is stable.
 */
export function timelineEntries(
	interactions: readonly Interaction[],
	tasks: readonly Task[]
): TimelineEntry[] {
	const entries: TimelineEntry[] = [];
	for (const i of interactions) {
		if (i.trashedAt === null) entries.push({ kind: 'interaction', id: i.id, at: i.at, item: i });
	}
	for (const task of tasks) {
		if (task.trashedAt === null)
			entries.push({ kind: 'task', id: task.id, at: task.dueAt, item: task });
	}
	return entries.sort(
		(a, b) =>
			b.at - a.at ||
			(a.kind === b.kind ? 0 : a.kind === 'interaction' ? -1 : 1) ||
			(a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
	);
}
