import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGES } from '../domain/deal/stages';
import { GOAL_METRICS } from '../domain/goal/goal';
import { PACES } from '../domain/goal/progress';
import { DUE_VIEWS } from '../domain/task/due-views';
import { TASK_PRIORITIES } from '../domain/task/task';
import {
	DEPARTMENTS,
	TICKET_KINDS,
	TICKET_PRIORITIES,
	TICKET_STATUSES
} from '../domain/ticket/ticket';
import en from './messages/en/day';
import zh from './messages/zh-CN/day';

const dayMessages = { en, zh };

const codes: string[] = [
	...DEFAULT_STAGES.map((s) => `stage_${s.key}`),
	...GOAL_METRICS.map((m) => `metric_${m}`),
	...PACES.map((p) => `pace_${p}`),
	...DUE_VIEWS.map((v) => `due_${v}`),
	...TASK_PRIORITIES.map((p) => `task_priority_${p}`),
	...TICKET_STATUSES.map((s) => `ticket_status_${s}`),
	...TICKET_KINDS.map((k) => `ticket_kind_${k}`),
	...TICKET_PRIORITIES.map((p) => `ticket_priority_${p}`),
	...DEPARTMENTS.map((d) => `department_${d}`),
	...[
		'stage_unknown',
		'deal_trashed',
		'amount_invalid',
		'lost_reason_required',
		'competitor_required',
		'stages_empty',
		'stage_key_invalid',
		'stage_key_duplicate',
		'probability_invalid',
		'won_stage_count',
		'lost_stage_count',
		'period_invalid',
		'target_invalid'
	].map((c) => `error_${c}`)
];

describe('day messages', () => {
	it('zh and en have the same keys, none empty', () => {
		expect(Object.keys(dayMessages.zh).sort()).toEqual(Object.keys(dayMessages.en).sort());
		for (const table of [dayMessages.en, dayMessages.zh]) {
			for (const v of Object.values(table)) expect(v.trim()).not.toBe('');
		}
	});
	it('every domain code the day rules return has a message', () => {
		const en: Record<string, string> = dayMessages.en;
		for (const key of codes) expect(en[key], key).toBeTruthy();
	});
	it('placeholders match between languages', () => {
		const en: Record<string, string> = dayMessages.en;
		const zh: Record<string, string> = dayMessages.zh;
		const names = (s = '') => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
		for (const key of Object.keys(en)) expect(names(zh[key]), key).toEqual(names(en[key]));
	});
	it('stage names are the Chinese terms of the issue', () => {
		expect(dayMessages.zh.stage_needs_confirmed).toBe('需求确认');
		expect(dayMessages.zh.stage_won).toBe('赢单');
	});
});
