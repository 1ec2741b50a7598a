import { describe, expect, it } from 'vitest';
import { isoDateStart } from '../shared/dates';
import {
	escapeIcsText,
	foldIcsLine,
	icsDate,
	icsUtcDateTime,
	tasksToIcs,
	type IcsTask
} from './ics';

const CN = 480;
const NOW = Date.UTC(2025, 2, 12, 2, 3, 4);
const bytes = (s: string) => new TextEncoder().encode(s).length;

function task(p: Partial<IcsTask> = {}): IcsTask {
	return {
		id: 'task-1',
		title: 'Call back',
		dueAt: Date.UTC(2025, 2, 14, 6, 30),
		priority: 'normal',
		done: false,
		trashedAt: null,
		...p
	};
}

/** Unfolds per RFC 5545 3.1: a CRLF followed by one space or tab is removed. */
function unfold(ics: string): string[] {
	return ics.replace(/\r\n[ \t]/g, '').split('\r\n');
}

describe('escapeIcsText', () => {
	it('escapes backslash, semicolon, comma and newlines', () => {
		expect(escapeIcsText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
	});
	it('keeps colons, tabs and Chinese; drops other control characters', () => {
		expect(escapeIcsText('回访: 张三\t王五\u0007\u0000')).toBe('回访: 张三\t王五');
	});
});

describe('foldIcsLine', () => {
	it('leaves a 75-octet line alone', () => {
		const line = 'X'.repeat(75);
		expect(foldIcsLine(line)).toBe(line);
	});
	it('folds ASCII at 75 octets with a leading space on continuations', () => {
		const folded = foldIcsLine('A'.repeat(200));
		const parts = folded.split('\r\n');
		expect(parts[0]).toHaveLength(75);
		expect(parts[1]).toBe(' ' + 'A'.repeat(74));
		expect(parts.every((p) => bytes(p) <= 75)).toBe(true);
		expect(folded.replace(/\r\n /g, '')).toBe('A'.repeat(200));
	});
	it('counts UTF-8 bytes and never splits a Chinese character', () => {
		const line = 'SUMMARY:' + '回访客户'.repeat(20);
		const parts = foldIcsLine(line).split('\r\n');
		expect(parts.length).toBeGreaterThan(1);
		for (const p of parts) expect(bytes(p)).toBeLessThanOrEqual(75);
		// 8 ASCII octets + 22 characters × 3 = 74; a 23rd would make 77.
		expect(bytes(parts[0] ?? '')).toBe(74);
		expect(parts.slice(1).every((p) => p.startsWith(' ') && !p.includes('\uFFFD'))).toBe(true);
		expect(foldIcsLine(line).replace(/\r\n /g, '')).toBe(line);
	});
	it('keeps 4-byte characters (emoji) whole', () => {
		const line = 'X'.repeat(73) + '😀' + 'Y';
		const parts = foldIcsLine(line).split('\r\n');
		expect(parts[0]).toBe('X'.repeat(73));
		expect(parts[1]).toBe(' 😀Y');
	});
});

describe('date values', () => {
	it('formats UTC date-times and local dates', () => {
		expect(icsUtcDateTime(NOW)).toBe('20250312T020304Z');
		expect(icsDate(Date.UTC(2025, 2, 12, 17), CN)).toBe('20250313');
	});
});

describe('tasksToIcs', () => {
	it('writes a VCALENDAR with one VEVENT per open task, CRLF everywhere', () => {
		const ics = tasksToIcs(
			[task(), task({ id: 'done', done: true }), task({ id: 'gone', trashedAt: 5 })],
			{ now: NOW, tzOffsetMin: CN }
		);
		expect(ics.endsWith('\r\n')).toBe(true);
		expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		const lines = unfold(ics);
		expect(lines.slice(0, 3)).toEqual([
			'BEGIN:VCALENDAR',
			'VERSION:2.0',
			'PRODID:-//Rapport//Rapport CRM//EN'
		]);
		expect(lines).toContain('UID:task-1@rapport');
		expect(lines).toContain('DTSTAMP:20250312T020304Z');
		expect(lines).toContain('DTSTART:20250314T063000Z');
		expect(lines).toContain('DTEND:20250314T070000Z');
		expect(lines).toContain('SUMMARY:Call back');
		expect(lines).toContain('PRIORITY:5');
		expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
		expect(ics).not.toContain('done@rapport');
		expect(ics).not.toContain('gone@rapport');
		expect(lines.at(-2)).toBe('END:VCALENDAR');
	});
	it('writes a date-only task (due at local midnight) as an all-day DATE', () => {
		const dueAt = isoDateStart('2025-03-14', CN)!;
		const lines = unfold(tasksToIcs([task({ dueAt })], { now: NOW, tzOffsetMin: CN }));
		expect(lines).toContain('DTSTART;VALUE=DATE:20250314');
		expect(lines.some((l) => l.startsWith('DTEND'))).toBe(false);
	});
	it('writes VTODO with DUE and status when asked', () => {
		const lines = unfold(
			tasksToIcs([task({ priority: 'high' })], { now: NOW, tzOffsetMin: CN, component: 'VTODO' })
		);
		expect(lines).toContain('BEGIN:VTODO');
		expect(lines).toContain('DUE:20250314T063000Z');
		expect(lines).toContain('STATUS:NEEDS-ACTION');
		expect(lines).toContain('PRIORITY:1');
		expect(lines.some((l) => l.startsWith('DTSTART'))).toBe(false);
	});
	it('escapes and folds a long Chinese summary, and the description', () => {
		const title = '回访张三，确认报价；带上合同\n第二行\\备注' + '很长的标题'.repeat(10);
		const ics = tasksToIcs([task({ title })], {
			now: NOW,
			tzOffsetMin: CN,
			describe: () => '客户: 上海某某公司, 联系人',
			calendarName: 'Rapport 任务'
		});
		for (const physical of ics.split('\r\n')) expect(bytes(physical)).toBeLessThanOrEqual(75);
		const lines = unfold(ics);
		expect(lines).toContain(`SUMMARY:${escapeIcsText(title)}`);
		expect(lines.find((l) => l.startsWith('SUMMARY:'))).toContain('第二行\\\\备注');
		expect(lines).toContain('DESCRIPTION:客户: 上海某某公司\\, 联系人');
		expect(lines).toContain('X-WR-CALNAME:Rapport 任务');
	});
	it('an empty list is still a valid calendar', () => {
		expect(tasksToIcs([], { now: NOW, tzOffsetMin: CN })).toBe(
			'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Rapport//Rapport CRM//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n'
		);
	});
	it('skips a task without a valid due time', () => {
		expect(tasksToIcs([task({ dueAt: Number.NaN })], { now: NOW, tzOffsetMin: CN })).not.toContain(
			'VEVENT'
		);
	});
});
