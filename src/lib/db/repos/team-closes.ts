import { closePeriod, type PeriodClose } from '$lib/domain/team/frozen';
import type { PeriodFigures } from '$lib/domain/team/kpi';
import type { TeamPeriod } from '$lib/domain/team/team-period';
import { editRecord } from '$lib/sync/edit';
import { db } from '../db';
import { ValidationFailed } from '../errors';
import { getSession, nextStamp } from '../session';
import { guarded } from '../write';
import { putKeyed } from './keyed-write';

/**
 * Closed periods (domain/team/frozen.ts): the lead closes a period and its figures are frozen in
 * a record whose id is derived from the period (one per span, whichever device closes it);
 * reopening trashes it, and closing again writes it back with the figures of then.
 */
export async function listCloses(): Promise<PeriodClose[]> {
	return (await db().periodCloses.toArray()).filter((c) => c.trashedAt === null);
}

/** Closes a period with these figures; refused while the period is still running. */
export async function closeTeamPeriod(period: TeamPeriod, figures: PeriodFigures): Promise<string> {
	const session = await getSession();
	const stamp = await nextStamp();
	const closed = closePeriod(period, figures, Date.now(), session.member.id);
	if (!closed.ok) throw new ValidationFailed(closed.errors);
	const { id, ...data } = closed.value;
	const d = db();
	await guarded(() =>
		d.transaction('rw', d.periodCloses, () => putKeyed(d.periodCloses, id, data, stamp))
	);
	return id;
}

/** Reopens a closed period: its figures are computed from the records again. */
export async function reopenTeamPeriod(id: string): Promise<void> {
	const stamp = await nextStamp();
	const d = db();
	await guarded(() =>
		d.transaction('rw', d.periodCloses, async () => {
			const c = await d.periodCloses.get(id);
			if (!c || c.trashedAt !== null) return;
			await d.periodCloses.put(editRecord(c, { trashedAt: Date.now() }, stamp).next);
		})
	);
}
