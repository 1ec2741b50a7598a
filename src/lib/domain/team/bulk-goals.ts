import { KPI_METRICS, type KpiMetric } from '../goal/goal';
import { PERIOD_KINDS, parseIsoDate, type PeriodKind } from '../shared/dates';
import type { EpochMs, FieldError, Id, IsoDate, Result } from '../shared/types';
import { historiesByMember, valueAt, type DatedEntry, type MemberStatus } from './dated';
import { goalId } from './keyed-id';

/**
 * Goals for a whole level at once: "every 高级客户经理: ¥500,000 this quarter" becomes one goal
 * per member who holds that level on the period's first day (not today: a member promoted since
 * is judged at the level they had then) and has not left by then. Each goal's id is derived from
 * its key (keyed-id.ts), so setting the same goals again, here or on the lead's other device,
 * updates those goals instead of adding more.
 */

export interface BulkGoalRequest {
	/** A key of the team's level list. */
	level: string;
	metric: KpiMetric;
	periodKind: PeriodKind;
	periodStart: IsoDate;
	target: number;
	/** A goal on each member's own figures (the default) or on their team's. */
	scope?: 'own' | 'team';
}

export interface BulkGoalDraft {
	id: string;
	ownerId: Id;
	metric: KpiMetric;
	periodKind: PeriodKind;
	periodStart: IsoDate;
	target: number;
	scope: 'own' | 'team';
}

export type BulkGoalErrorCode =
	'level_required' | 'metric_invalid' | 'period_invalid' | 'target_invalid' | 'no_members_at_level';

export interface BulkGoalInput {
	members: Iterable<{ id: Id; trashedAt?: EpochMs | null }>;
	levels: Iterable<DatedEntry<string>>;
	statuses: Iterable<DatedEntry<MemberStatus>>;
}

export function bulkGoals(
	req: BulkGoalRequest,
	input: BulkGoalInput
): Result<BulkGoalDraft[], BulkGoalErrorCode> {
	const errors: FieldError<BulkGoalErrorCode>[] = [];
	if (!req.level.trim()) errors.push({ field: 'level', code: 'level_required' });
	if (!(KPI_METRICS as readonly string[]).includes(req.metric))
		errors.push({ field: 'metric', code: 'metric_invalid' });
	if (
		!(PERIOD_KINDS as readonly string[]).includes(req.periodKind) ||
		!parseIsoDate(req.periodStart)
	)
		errors.push({ field: 'periodStart', code: 'period_invalid' });
	if (!Number.isFinite(req.target) || req.target < 0)
		errors.push({ field: 'target', code: 'target_invalid' });
	if (errors.length) return { ok: false, errors };

	const levels = historiesByMember<string, DatedEntry<string>>(input.levels);
	const statuses = historiesByMember<MemberStatus, DatedEntry<MemberStatus>>(input.statuses);
	const scope = req.scope ?? 'own';
	const ids = new Set<Id>();
	for (const m of input.members) {
		if (m.trashedAt != null) continue;
		if (valueAt(levels.get(m.id) ?? [], req.periodStart) !== req.level) continue;
		if (valueAt(statuses.get(m.id) ?? [], req.periodStart) === 'left') continue;
		ids.add(m.id);
	}
	if (ids.size === 0)
		return { ok: false, errors: [{ field: 'level', code: 'no_members_at_level' }] };
	return {
		ok: true,
		value: [...ids].sort().map((ownerId) => ({
			id: goalId(ownerId, req.metric, req.periodKind, req.periodStart, scope),
			ownerId,
			metric: req.metric,
			periodKind: req.periodKind,
			periodStart: req.periodStart,
			target: req.target,
			scope
		}))
	};
}
