import type { EpochMs } from '../shared/types';
import { MINUTE_MS, civilDateAt, localDayStart } from '../shared/dates';
import type { Task, TaskPriority } from './task';

/**
 * Open tasks as an iCalendar file (RFC 5545) for the user's calendar app.
 *
 * Lines end in CRLF and are folded at 75 octets counting UTF-8 bytes (a Chinese character is 3),
 * never inside a character. A task due exactly at local midnight is a date-only task and is
 * written as an all-day DATE; any other is a UTC DATE-TIME.
 */

export type IcsTask = Pick<Task, 'id' | 'title' | 'dueAt' | 'priority' | 'done' | 'trashedAt'>;

export interface IcsOptions {
	/** DTSTAMP of every component. */
	now: EpochMs;
	/** Minutes east of UTC, to recognise date-only tasks and their local date. */
	tzOffsetMin: number;
	/** VEVENT (default: imported by every calendar) or VTODO (to-do apps, Apple Reminders). */
	component?: 'VEVENT' | 'VTODO';
	/** X-WR-CALNAME shown by some calendar apps. */
	calendarName?: string;
	/** Optional DESCRIPTION per task (e.g. the customer's name), already translated. */
	describe?: (task: IcsTask) => string | null;
	/** Length of a timed VEVENT; default 30 minutes. */
	eventMinutes?: number;
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;
const ICS_PRIORITY: Record<TaskPriority, number> = { high: 1, normal: 5, low: 9 };

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks; drops other control chars. */
export function escapeIcsText(s: string): string {
	return (
		s
			.replace(/\\/g, '\\\\')
			.replace(/;/g, '\\;')
			.replace(/,/g, '\\,')
			.replace(/\r\n|\r|\n/g, '\\n')
			// eslint-disable-next-line no-control-regex
			.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
	);
}

function utf8Length(codePoint: number): number {
	return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Folds one content line: no physical line exceeds 75 octets (the leading space of a continuation
 * line counts); characters are never split. Returns the line with CRLF between parts, none at end.
 */
export function foldIcsLine(line: string): string {
	const parts: string[] = [];
	let current = '';
	let octets = 0;
	for (const ch of line) {
		const n = utf8Length(ch.codePointAt(0) ?? 0);
		if (octets + n > MAX_OCTETS) {
			parts.push(current);
			current = ' ';
			octets = 1;
		}
		current += ch;
		octets += n;
	}
	parts.push(current);
	return parts.join(CRLF);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `20250312T020000Z` */
export function icsUtcDateTime(at: EpochMs): string {
	const d = new Date(at);
	return (
		`${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
		`T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`
	);
}

/** `20250312` for the local date of `at`. */
export function icsDate(at: EpochMs, tzOffsetMin: number): string {
	const d = civilDateAt(at, tzOffsetMin);
	return `${pad(d.year, 4)}${pad(d.month)}${pad(d.day)}`;
}

/** A property line with a date or date-time value. */
function dateProp(name: string, at: EpochMs, allDay: boolean, tzOffsetMin: number): string {
	return allDay
		? `${name};VALUE=DATE:${icsDate(at, tzOffsetMin)}`
		: `${name}:${icsUtcDateTime(at)}`;
}

export function isOpenTask(t: Pick<Task, 'done' | 'trashedAt' | 'dueAt'>): boolean {
	return !t.done && t.trashedAt == null && Number.isFinite(t.dueAt);
}

function componentLines(task: IcsTask, opts: IcsOptions, stamp: string): string[] {
	const kind = opts.component ?? 'VEVENT';
	const allDay = localDayStart(task.dueAt, opts.tzOffsetMin) === task.dueAt;
	const lines = [
		`BEGIN:${kind}`,
		`UID:${escapeIcsText(`${task.id}@rapport`)}`,
		`DTSTAMP:${stamp}`,
		`SUMMARY:${escapeIcsText(task.title)}`
	];
	if (kind === 'VTODO') {
		lines.push(dateProp('DUE', task.dueAt, allDay, opts.tzOffsetMin), 'STATUS:NEEDS-ACTION');
	} else {
		lines.push(dateProp('DTSTART', task.dueAt, allDay, opts.tzOffsetMin));
		if (!allDay) {
			const minutes = opts.eventMinutes && opts.eventMinutes > 0 ? opts.eventMinutes : 30;
			lines.push(dateProp('DTEND', task.dueAt + minutes * MINUTE_MS, false, opts.tzOffsetMin));
		}
		lines.push('TRANSP:TRANSPARENT');
	}
	lines.push(`PRIORITY:${ICS_PRIORITY[task.priority] ?? 5}`);
	const description = opts.describe?.(task);
	if (description) lines.push(`DESCRIPTION:${escapeIcsText(description)}`);
	lines.push(`END:${kind}`);
	return lines;
}

/** The open tasks among `tasks` as a complete .ics document (done and trashed tasks are left out). */
export function tasksToIcs(tasks: Iterable<IcsTask>, opts: IcsOptions): string {
	const stamp = icsUtcDateTime(opts.now);
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Rapport//Rapport CRM//EN',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH'
	];
	if (opts.calendarName) lines.push(`X-WR-CALNAME:${escapeIcsText(opts.calendarName)}`);
	for (const task of tasks) {
		if (isOpenTask(task)) lines.push(...componentLines(task, opts, stamp));
	}
	lines.push('END:VCALENDAR');
	return lines.map(foldIcsLine).join(CRLF) + CRLF;
}
