import { localOffset } from '$lib/components/ui/local-offset';
import { localIsoDate } from '$lib/domain/shared/dates';

/**
 * A due date (and optional time) typed into `<input type="date">` and `<input type="time">`, in
 * the browser's zone. Without a time the task is due at local midnight: a date-only task, shown
 * and exported (.ics) as an all-day item.
 */
export function dueFromInputs(date: string, time: string): number {
	const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
	if (!d) return Number.NaN;
	const tm = /^(\d{2}):(\d{2})$/.exec(time);
	if (time && !tm) return Number.NaN;
	const [y, mo, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
	const at = new Date(y, mo - 1, day, tm ? Number(tm[1]) : 0, tm ? Number(tm[2]) : 0);
	return at.getMonth() === mo - 1 && at.getDate() === day ? at.getTime() : Number.NaN;
}

/** Today's date as the value of a date input. */
export function todayInput(at = Date.now()): string {
	return localIsoDate(at, localOffset(at));
}
