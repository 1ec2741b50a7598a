import {
	addMonths,
	civilDateStart,
	DAY_MS,
	formatIsoDate,
	localIsoDate,
	parseIsoDate
} from '../shared/dates';
import type { EpochMs, Id, IsoDate } from '../shared/types';
import { inSpan, type DealMove, type LogCustomer, type LogInteraction } from './log';

/**
 * A member's weekly or monthly work plan (工作计划): planned visits, calls and new customers, the
 * deals to push, and the lead's comments; set against what the log shows for the same span.
 */
export const PLAN_SPANS = ['week', 'month'] as const;
export type PlanSpan = (typeof PLAN_SPANS)[number];

export const PLAN_MEASURES = ['visits', 'calls', 'new_customers'] as const;
export type PlanMeasure = (typeof PLAN_MEASURES)[number];

export interface WorkPlan {
	id: Id;
	memberId: Id;
	span: PlanSpan;
	/** A Monday for a week, the 1st for a month. */
	start: IsoDate;
	planned: Record<PlanMeasure, number>;
	/** Deals to push this span. */
	dealIds: Id[];
	leadComment: string;
	trashedAt: number | null;
}

/** More planned visits, calls or new customers than this in a month is a typing mistake. */
export const MAX_PLANNED = 10_000;

export type WorkPlanErrorCode =
	'span_invalid' | 'start_invalid' | 'count_invalid' | 'deal_duplicate';

export interface WorkPlanError {
	field: string;
	code: WorkPlanErrorCode;
}

/** One plan per member, span and start: a second one for the same week is the same record. */
export function workPlanId(memberId: Id, span: PlanSpan, start: IsoDate): Id {
	return `plan:${memberId}:${span}:${start}`;
}

function weekday(date: IsoDate): number | null {
	const d = parseIsoDate(date);
	// 0 Monday … 6 Sunday
	return d ? (new Date(civilDateStart(d, 0)).getUTCDay() + 6) % 7 : null;
}

export function validateWorkPlan(p: Omit<WorkPlan, 'id' | 'trashedAt'>): WorkPlanError[] {
	const errors: WorkPlanError[] = [];
	if (!PLAN_SPANS.includes(p.span)) errors.push({ field: 'span', code: 'span_invalid' });
	const d = parseIsoDate(p.start);
	const aligned = p.span === 'week' ? weekday(p.start) === 0 : d?.day === 1;
	if (!d || !aligned) errors.push({ field: 'start', code: 'start_invalid' });
	for (const m of PLAN_MEASURES) {
		const n = p.planned[m];
		if (!(Number.isSafeInteger(n) && n >= 0 && n <= MAX_PLANNED))
			errors.push({ field: `planned.${m}`, code: 'count_invalid' });
	}
	if (new Set(p.dealIds).size !== p.dealIds.length) {
		errors.push({ field: 'dealIds', code: 'deal_duplicate' });
	}
	return errors;
}

/** The plan's [startAt, endAt) in the team's time zone; null for a malformed start. */
export function planSpanOf(
	p: Pick<WorkPlan, 'span' | 'start'>,
	tzOffsetMin: number
): { startAt: EpochMs; endAt: EpochMs; end: IsoDate } | null {
	const d = parseIsoDate(p.start);
	if (!d) return null;
	const startAt = civilDateStart(d, tzOffsetMin);
	if (p.span === 'week') {
		const endAt = startAt + 7 * DAY_MS;
		return { startAt, endAt, end: localIsoDate(endAt, tzOffsetMin) };
	}
	const e = addMonths(d, 1);
	return { startAt, endAt: civilDateStart(e, tzOffsetMin), end: formatIsoDate(e) };
}

export interface MeasureRow {
	measure: PlanMeasure;
	planned: number;
	actual: number;
	/** actual / planned; null when nothing was planned. */
	ratio: number | null;
}

export interface DealPush {
	dealId: Id;
	/** The stage the deal was last moved to inside the span; null when it did not move. */
	movedTo: string | null;
}

export interface PlanVsActual {
	rows: MeasureRow[];
	deals: DealPush[];
}

export interface PlanLog {
	interactions: Iterable<LogInteraction>;
	customers: Iterable<LogCustomer>;
	dealMoves: Iterable<DealMove>;
}

/**
 * The plan against the member's log over the plan's span: visits and calls logged by them, new
 * customers they own created in it, and whether each deal to push moved (by anyone: a deal
 * pushed with the lead's help is pushed). Trashed records do not count.
 */
export function planVsActual(
	plan: WorkPlan,
	log: PlanLog,
	tzOffsetMin: number
): PlanVsActual | null {
	const span = planSpanOf(plan, tzOffsetMin);
	if (!span) return null;
	const actual: Record<PlanMeasure, number> = { visits: 0, calls: 0, new_customers: 0 };
	for (const i of log.interactions) {
		if (i.ownerId !== plan.memberId || i.trashedAt != null || !inSpan(i.at, span)) continue;
		if (i.type === 'visit') actual.visits++;
		else if (i.type === 'call') actual.calls++;
	}
	for (const c of log.customers) {
		if (c.ownerId === plan.memberId && c.trashedAt == null && inSpan(c.createdAt, span)) {
			actual.new_customers++;
		}
	}
	const wanted = new Set(plan.dealIds);
	const moved = new Map<Id, DealMove>();
	for (const m of log.dealMoves) {
		if (!wanted.has(m.dealId) || !inSpan(m.at, span)) continue;
		const prev = moved.get(m.dealId);
		if (!prev || m.at > prev.at) moved.set(m.dealId, m);
	}
	return {
		rows: PLAN_MEASURES.map((measure) => {
			const planned = plan.planned[measure];
			return {
				measure,
				planned,
				actual: actual[measure],
				ratio: planned > 0 ? actual[measure] / planned : null
			};
		}),
		deals: plan.dealIds.map((dealId) => ({ dealId, movedTo: moved.get(dealId)?.toStage ?? null }))
	};
}
