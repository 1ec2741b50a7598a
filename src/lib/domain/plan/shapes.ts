import { TICKET_KINDS, type Ticket } from '../ticket/ticket';
import type { ChecklistItem, ChecklistScope } from './checklists';
import type { DailyFigures } from './daily-report';
import { PLAN_MEASURES, type PlanMeasure } from './work-plan';

/**
 * The structures a record holds as one value (a plan's counts, a report's figures, a checklist's
 * scope and items) read leniently: a file from another version or a damaged one may hold any
 * plain data there (the snapshot reader checks only that it is plain data), and a page must still
 * open. What cannot be read is left out or counted as zero, never guessed.
 */

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const count = (v: unknown): number =>
	Number.isSafeInteger(v) && (v as number) >= 0 ? (v as number) : 0;
const isText = (v: unknown): v is string => typeof v === 'string';

export function plannedOf(v: unknown): Record<PlanMeasure, number> {
	const o = isObj(v) ? v : {};
	return Object.fromEntries(PLAN_MEASURES.map((m) => [m, count(o[m])])) as Record<
		PlanMeasure,
		number
	>;
}

export function figuresOf(v: unknown): DailyFigures {
	const o = isObj(v) ? v : {};
	const moved = Array.isArray(o.dealsMoved) ? o.dealsMoved : [];
	return {
		contacts: count(o.contacts),
		visits: count(o.visits),
		customersReached: count(o.customersReached),
		dealsMoved: moved.flatMap((m) =>
			isObj(m) && isText(m.dealId) && isText(m.toStage)
				? [{ dealId: m.dealId, toStage: m.toStage }]
				: []
		),
		ticketsClosed: Array.isArray(o.ticketsClosed) ? o.ticketsClosed.filter(isText) : []
	};
}

/** The scope, or null when it names no stage or ticket kind this version knows. */
export function scopeOf(v: unknown): ChecklistScope | null {
	if (!isObj(v)) return null;
	if (v.kind === 'deal_stage' && isText(v.stage) && v.stage !== '')
		return { kind: 'deal_stage', stage: v.stage };
	if (v.kind === 'ticket_kind' && TICKET_KINDS.includes(v.ticketKind as Ticket['kind']))
		return { kind: 'ticket_kind', ticketKind: v.ticketKind as Ticket['kind'] };
	return null;
}

/** The items with an id and a label; `required` only when it says true. */
export function itemsOf(v: unknown): ChecklistItem[] {
	if (!Array.isArray(v)) return [];
	return v.flatMap((i) =>
		isObj(i) && isText(i.id) && i.id !== '' && isText(i.label)
			? [{ id: i.id, label: i.label, required: i.required === true }]
			: []
	);
}
