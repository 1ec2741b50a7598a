import { adjustmentFor, closeStatement, nextOpenMonth } from '$lib/domain/pay/closing';
import { checkClose, closedPeriods, payCloseId } from '$lib/domain/pay/pay-close';
import type { Adjustment } from '$lib/domain/pay/adjustment';
import type { PayoutStatement } from '$lib/domain/pay/statement';
import type { StoredAdjustment, StoredPayClose, StoredStatement } from '$lib/domain/pay/synced';
import type { Id, IsoDate } from '$lib/domain/shared/types';
import { createRecord } from '$lib/sync/edit';
import { db } from '../db';
import { ValidationFailed } from '../errors';
import { getSession, nextStamp } from '../session';
import { guarded } from '../write';
import { adjustmentsOf, computeMonth, listPayCloses, payMonth } from './pay-inputs';

/**
 * Closing a pay month writes its statements once (domain/pay/pay-close.ts, closing.ts), and a
 * later change to a closed month (an order trashed or returned, a late deal) is found by
 * recomputing its frozen statements: the difference becomes an adjustment of the next open
 * month, never an edit of the statement. Adjustments have ids derived from the month and their
 * number, so two devices of the lead finding the same change write one record.
 */

/** Recomputes every closed statement and writes the adjustments their changes call for. */
export async function reconcileLateChanges(now = Date.now()): Promise<number> {
	const d = db();
	const [closes, stored, session] = await Promise.all([
		listPayCloses(),
		d.payStatements.toArray(),
		getSession()
	]);
	const closed = closedPeriods(closes);
	const frozen = stored.filter((s) => s.closedAt !== null);
	const byMonth = new Map<IsoDate, PayoutStatement[]>();
	for (const s of frozen) {
		const list = byMonth.get(s.period.start);
		if (list) list.push(s);
		else byMonth.set(s.period.start, [s]);
	}
	const found: Adjustment[] = [];
	for (const [start, statements] of byMonth) {
		const into = nextOpenMonth(start, closed);
		if (!into) continue;
		const members = statements.map((s) => s.memberId);
		const planOf = new Map<Id, Id>(statements.map((s) => [s.memberId, s.plan.id]));
		const [rows, prior] = await Promise.all([
			computeMonth(await payMonth(start), members, now, planOf),
			adjustmentsOf(members)
		]);
		for (const s of statements) {
			const row = rows.find((r) => r.memberId === s.memberId);
			if (row?.state !== 'computed') continue;
			const adj = adjustmentFor({
				frozen: s,
				recomputed: row.statement,
				prior: prior.filter((a) => a.sourcePeriodStart === start),
				into,
				closed,
				createdAt: now,
				createdBy: session.member.id
			});
			if (adj.ok && adj.value) found.push(adj.value);
		}
	}
	if (found.length === 0) return 0;
	const stamp = await nextStamp();
	let written = 0;
	await guarded(() =>
		d.transaction('rw', d.payAdjustments, async () => {
			for (const a of found) {
				// The same change found by another device, or by an earlier run, is already here.
				if (await d.payAdjustments.get(a.id)) continue;
				const { id, ...data } = a;
				await d.payAdjustments.put(createRecord<StoredAdjustment>(id, data, stamp));
				written++;
			}
		})
	);
	return written;
}

/**
 * Closes a month: first brings the late changes of earlier closed months into the open month
 * they land in, then writes every member's statement of this month, closed, and the month's
 * close. Refused while the month runs, and once it is closed.
 */
export async function closePayMonth(start: IsoDate, now = Date.now()): Promise<Id[]> {
	const period = await payMonth(start);
	const refused = checkClose(period, await listPayCloses(), now);
	if (refused) throw new ValidationFailed([{ field: 'month', code: refused }]);
	await reconcileLateChanges(now);
	const d = db();
	const members = (await d.members.toArray()).filter((m) => m.trashedAt === null);
	const rows = await computeMonth(
		period,
		members.map((m) => m.id),
		now
	);
	const statements = rows.flatMap((r) => {
		if (r.state !== 'computed') return [];
		const c = closeStatement(r.statement, now);
		return c.ok ? [c.value] : [];
	});
	const { member } = await getSession();
	const stamp = await nextStamp();
	const id = payCloseId(start);
	await guarded(() =>
		d.transaction('rw', d.payStatements, d.payCloses, async () => {
			if (await d.payCloses.get(id))
				throw new ValidationFailed([{ field: 'month', code: 'period_closed' }]);
			for (const s of statements) {
				// Write-once: a statement another device closed first stays as it was.
				if (await d.payStatements.get(s.id)) continue;
				const { id: sid, ...data } = s;
				await d.payStatements.put(createRecord<StoredStatement>(sid, data, stamp));
			}
			await d.payCloses.put(
				createRecord<StoredPayClose>(
					id,
					{
						start: period.start,
						end: period.end,
						zone: period.zone,
						statementIds: statements.map((s) => s.id),
						closedAt: now,
						closedBy: member.id
					},
					stamp
				)
			);
		})
	);
	return statements.map((s) => s.id);
}
