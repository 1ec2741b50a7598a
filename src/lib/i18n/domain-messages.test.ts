import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGES } from '../domain/deal/stages';
import { GOAL_METRICS, LEAD_ONLY_METRICS } from '../domain/goal/goal';
import { PACES } from '../domain/goal/progress';
import { REVIEW_CONTENT_ERROR_CODES } from '../domain/review/review-content';
import { RATING_CRITERIA, RATING_MAX } from '../domain/review/scorecard';
import { LABEL_ERROR_CODES } from '../domain/review/scorecard-read';
import { SIGN_OFF_ERROR_CODES } from '../domain/review/sign-off';
import { DUE_VIEWS } from '../domain/task/due-views';
import { TASK_PRIORITIES } from '../domain/task/task';
import {
	DEPARTMENTS,
	TICKET_KINDS,
	TICKET_PRIORITIES,
	TICKET_STATUSES
} from '../domain/ticket/ticket';
import enDeals from './messages/en/deals';
import enFeedback from './messages/en/feedback';
import enGoals from './messages/en/goals';
import enHome from './messages/en/home';
import enReviews from './messages/en/reviews';
import enTasks from './messages/en/tasks';
import enTeam from './messages/en/team';
import enTickets from './messages/en/tickets';
import zhDeals from './messages/zh-CN/deals';
import zhFeedback from './messages/zh-CN/feedback';
import zhGoals from './messages/zh-CN/goals';
import zhHome from './messages/zh-CN/home';
import zhReviews from './messages/zh-CN/reviews';
import zhTasks from './messages/zh-CN/tasks';
import zhTeam from './messages/zh-CN/team';
import zhTickets from './messages/zh-CN/tickets';
import type { LadderLevelErrorCode } from '../domain/growth/ladder-level';
import type { MemberDraftError } from '../domain/member/member-draft';
import { MEMBER_STATUSES } from '../domain/team/dated';
import type { CloseErrorCode } from '../domain/team/frozen';
import type { HandOverErrorCode } from '../domain/team/handover';
import { MEMBER_FACT_KINDS, type MemberFactErrorCode } from '../domain/team/member-fact';
import type { RemoveMemberCode } from '../db/repos/team-roster';

type Table = Record<string, string>;

/**
 * Every code the team's rules and repositories return: the type checker asks for a new one here,
 * and the test below for its message.
 */
const TEAM_CODES = {
	name_required: true,
	name_too_long: true,
	region_too_long: true,
	start_date_invalid: true,
	email_invalid: true,
	phone_invalid: true,
	phone_too_short: true,
	phone_too_long: true,
	member_required: true,
	member_unknown: true,
	from_invalid: true,
	kind_invalid: true,
	level_unknown: true,
	status_invalid: true,
	manager_unknown: true,
	reports_to_self: true,
	reporting_cycle: true,
	note_too_long: true,
	fact_unchanged: true,
	level_name_required: true,
	level_name_duplicate: true,
	level_name_too_long: true,
	criterion_invalid: true,
	level_in_use: true,
	handover_same_member: true,
	handover_member_unknown: true,
	handover_to_unknown: true,
	handover_to_left: true,
	handover_nothing: true,
	handover_not_found: true,
	handover_already_undone: true,
	handover_member_gone: true,
	member_is_me: true,
	member_owns_records: true,
	zone_invalid: true,
	setting_invalid: true,
	period_not_ended: true
} satisfies Record<
	| MemberDraftError
	| MemberFactErrorCode
	| LadderLevelErrorCode
	| HandOverErrorCode
	| RemoveMemberCode
	| CloseErrorCode
	| 'level_in_use'
	| 'handover_not_found'
	| 'handover_already_undone'
	| 'handover_member_gone'
	| 'zone_invalid'
	| 'setting_invalid',
	true
>;

/** The namespaces of the records' pages, each with the domain codes its keys are built from. */
const domains: { ns: string; en: Table; zh: Table; codes: string[] }[] = [
	{
		ns: 'deals',
		en: enDeals,
		zh: zhDeals,
		codes: [
			...DEFAULT_STAGES.map((s) => `stage_${s.key}`),
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
				'lost_stage_count'
			].map((c) => `error_${c}`)
		]
	},
	{
		ns: 'goals',
		en: enGoals,
		zh: zhGoals,
		codes: [
			...GOAL_METRICS.map((m) => `metric_${m}`),
			...PACES.map((p) => `pace_${p}`),
			...['period_invalid', 'target_invalid'].map((c) => `error_${c}`)
		]
	},
	{
		ns: 'tasks',
		en: enTasks,
		zh: zhTasks,
		codes: [
			...DUE_VIEWS.map((v) => `due_${v}`),
			...TASK_PRIORITIES.map((p) => `task_priority_${p}`)
		]
	},
	{
		ns: 'tickets',
		en: enTickets,
		zh: zhTickets,
		codes: [
			...TICKET_STATUSES.map((s) => `ticket_status_${s}`),
			...TICKET_KINDS.map((k) => `ticket_kind_${k}`),
			...TICKET_PRIORITIES.map((p) => `ticket_priority_${p}`),
			...DEPARTMENTS.map((d) => `department_${d}`)
		]
	},
	{
		ns: 'reviews',
		en: enReviews,
		zh: zhReviews,
		codes: [
			...RATING_CRITERIA.map((c) => `criterion_${c}`),
			...LEAD_ONLY_METRICS.map((m) => `kpi_${m}`),
			...['not_started', 'draft', 'lead_signed', 'signed'].map((s) => `state_${s}`),
			...Array.from({ length: RATING_MAX }, (_, i) => `rating_${i + 1}`),
			...[
				...REVIEW_CONTENT_ERROR_CODES,
				...SIGN_OFF_ERROR_CODES,
				...LABEL_ERROR_CODES,
				// scorecard.ts's codes, and the team period's (team/team-period.ts)
				'scorecard_empty',
				'metric_invalid',
				'kpi_duplicate',
				'criterion_invalid',
				'criterion_duplicate',
				'weight_invalid',
				'weights_sum',
				'cap_invalid',
				'zone_invalid',
				'period_kind_invalid',
				'period_date_invalid'
			].map((c) => `error_${c}`)
		]
	},
	{
		ns: 'team',
		en: enTeam,
		zh: zhTeam,
		codes: [
			...MEMBER_STATUSES.map((s) => `status_${s}`),
			...MEMBER_FACT_KINDS.map((k) => `kind_${k}`),
			...Object.keys(TEAM_CODES).map((c) => `error_${c}`)
		]
	},
	{ ns: 'feedback', en: enFeedback, zh: zhFeedback, codes: [] },
	{ ns: 'home', en: enHome, zh: zhHome, codes: [] }
];

for (const { ns, en, zh, codes } of domains) {
	describe(`${ns} messages`, () => {
		it('zh and en have the same keys, none empty', () => {
			expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
			for (const table of [en, zh]) {
				for (const v of Object.values(table)) expect(v.trim()).not.toBe('');
			}
		});
		it('every domain code the rules return has a message', () => {
			for (const key of codes) expect(en[key], key).toBeTruthy();
		});
		it('placeholders match between languages', () => {
			const names = (s = '') => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
			for (const key of Object.keys(en)) expect(names(zh[key]), key).toEqual(names(en[key]));
		});
	});
}

describe('deals messages', () => {
	it('stage names are the Chinese terms of the issue', () => {
		expect(zhDeals.stage_needs_confirmed).toBe('需求确认');
		expect(zhDeals.stage_won).toBe('赢单');
	});
});
