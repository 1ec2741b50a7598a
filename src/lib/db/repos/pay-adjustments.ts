import type { Adjustment } from '$lib/domain/pay/adjustment';
import {
	landingMonth,
	manualAdjustment,
	type ManualAdjustmentDraft
} from '$lib/domain/pay/manual-adjustment';
import type { StoredAdjustment } from '$lib/domain/pay/synced';
import type { Id, IsoDate } from '$lib/domain/shared/types';
import { zonedIsoDate } from '$lib/domain/team/zone';
import { createRecord } from '$lib/sync/edit';
import { db } from '../db';
import { ValidationFailed } from '../errors';
import { newId } from '../ids';
import { getSession, nextStamp } from '../session';
import { guarded } from '../write';
import { closedMonths, computeMonth, payMonth } from './pay-inputs';
import { getTeamZone } from './team-settings';

/**
 * Adjustments the lead types in (domain/pay/manual-adjustment.ts): a correction, a clawback or a
 * one-off bonus with its reason, carried by the open month it lands in. A closed month is never
 * the one: its statements are written once. Refused when the member's plan that month pays in
 * another currency, since the statement could not add the line.
 */

/** The month an adjustment made now lands in. */
export async function adjustmentMonth(now = Date.now()): Promise<IsoDate | null> {
	const [zone, closed] = await Promise.all([getTeamZone(), closedMonths()]);
	return landingMonth(`${zonedIsoDate(zone, now).slice(0, 8)}01`, closed);
}

export async function addAdjustment(draft: ManualAdjustmentDraft, now = Date.now()): Promise<Id> {
	const d = db();
	const [zone, closed, members, session] = await Promise.all([
		getTeamZone(),
		closedMonths(),
		d.members.toArray(),
		getSession()
	]);
	const known = new Set(members.filter((m) => m.trashedAt === null).map((m) => m.id));
	const made = manualAdjustment({
		id: newId(),
		draft,
		today: `${zonedIsoDate(zone, now).slice(0, 8)}01`,
		closed,
		knownMemberIds: known,
		createdAt: now,
		createdBy: session.member.id
	});
	if (!made.ok) throw new ValidationFailed(made.errors);
	const adj = made.value;
	const [row] = await computeMonth(await payMonth(adj.periodStart), [adj.memberId], now);
	if (row?.state === 'computed' && row.statement.currency !== adj.currency)
		throw new ValidationFailed([{ field: 'currency', code: 'adjustment_currency_mismatch' }]);
	const stamp = await nextStamp();
	await guarded(() =>
		d.transaction('rw', d.payAdjustments, d.payCloses, async () => {
			const into = landingMonth(adj.periodStart, await closedMonths());
			// A close written since: the month it was meant for is no longer open.
			if (into !== adj.periodStart)
				throw new ValidationFailed([{ field: 'period', code: 'adjustment_period_invalid' }]);
			const { id, ...data } = adj;
			await d.payAdjustments.put(createRecord<StoredAdjustment>(id, data, stamp));
		})
	);
	return adj.id;
}

/** The adjustments typed in by the lead that a month carries, newest first. */
export async function listManualAdjustments(start: IsoDate): Promise<Adjustment[]> {
	const all = await db().payAdjustments.toArray();
	return all
		.filter((a) => a.periodStart === start && a.sourcePeriodStart === null)
		.sort((a, b) => b.createdAt - a.createdAt);
}
