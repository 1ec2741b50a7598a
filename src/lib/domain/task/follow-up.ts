import type { EpochMs, Id, IsoDate } from '../shared/types';
import type { Task } from './task';

/** What a contact needs to say for the follow-up task its "next follow-up" date asks for. */
export interface FollowUpSource {
	id: Id;
	summary: string;
	customerId: Id;
	ownerId: Id;
}

/**
 * The task a logged (or imported) contact's "next follow-up" date asks for: due at `dueAt`
 * (local midnight of that day), titled with the start of the contact's summary, linked back to
 * the contact.
 */
export function followUpTask(i: FollowUpSource, dueAt: EpochMs): Omit<Task, 'id' | '_meta'> {
	return {
		title: i.summary.slice(0, 120),
		dueAt,
		priority: 'normal',
		customerId: i.customerId,
		dealId: null,
		fromInteractionId: i.id,
		kind: 'follow_up',
		done: false,
		doneAt: null,
		ownerId: i.ownerId,
		trashedAt: null
	};
}

/** Local midnight of a `YYYY-MM-DD` date in this environment's time zone (DST included). */
export function localMidnight(date: IsoDate): EpochMs {
	const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
	return new Date(y, m - 1, d).getTime();
}
