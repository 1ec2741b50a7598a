import { salesFor } from '$lib/domain/pay/sales';
import type { StoredTeamBonus } from '$lib/domain/pay/synced';
import { checkTeamBonus, type TeamBonusDraft } from '$lib/domain/pay/team-bonus-check';
import type { SplitMember, SplitMethod, TeamBonus } from '$lib/domain/pay/team-split';
import type { Id, IsoDate } from '$lib/domain/shared/types';
import { createRecord, editRecord } from '$lib/sync/edit';
import { db } from '../db';
import { ValidationFailed } from '../errors';
import { newId } from '../ids';
import { nextStamp } from '../session';
import { guarded } from '../write';
import { closedMonths, computeMonth, payMonth, readMonthInput } from './pay-inputs';

/**
 * The lead's team bonuses (团队奖金): a pot for a month, split among the members it covers
 * equally, by sales or by review score. Checked against the team, the closed months and the
 * month's figures (domain/pay/team-bonus-check.ts); a refused one stores nothing. The shares are
 * not stored: each statement computes them from the bonus, so a late order moves them until the
 * month is closed.
 */

async function knownMembers(): Promise<Set<Id>> {
	const members = await db().members.toArray();
	return new Set(members.filter((m) => m.trashedAt === null).map((m) => m.id));
}

async function figuresOf(draft: TeamBonusDraft, now: number) {
	const period = await payMonth(draft.periodStart);
	const input = await readMonthInput(period, draft.memberIds, now);
	const figures = new Map<Id, Omit<SplitMember, 'memberId'>>();
	for (const id of draft.memberIds) {
		const sales = salesFor(input.orders, id, draft.pot.currency, period);
		figures.set(id, {
			salesMinor: sales.ok ? sales.value.minor : 0,
			reviewScore: input.scores.get(id) ?? null
		});
	}
	return figures;
}

export async function addTeamBonus(draft: TeamBonusDraft, now = Date.now()): Promise<Id> {
	const shape = /^\d{4}-(0[1-9]|1[0-2])-01$/.test(draft.periodStart);
	const [closed, known, figures] = await Promise.all([
		closedMonths(),
		knownMembers(),
		shape ? figuresOf(draft, now) : Promise.resolve(new Map())
	]);
	const check = checkTeamBonus({ draft, closed, knownMemberIds: known, figures });
	if (!check.ok) throw new ValidationFailed(check.errors);
	// A statement adds only lines of its plan's currency.
	const rows = await computeMonth(await payMonth(draft.periodStart), draft.memberIds, now);
	if (rows.some((r) => r.state === 'computed' && r.statement.currency !== draft.pot.currency))
		throw new ValidationFailed([{ field: 'pot', code: 'bonus_currency_mismatch' }]);
	const id = newId();
	const stamp = await nextStamp();
	const d = db();
	await guarded(() =>
		d.transaction('rw', d.payTeamBonuses, d.payCloses, async () => {
			// A close written since the check keeps its statements as they are.
			const again = checkTeamBonus({
				draft,
				closed: await closedMonths(),
				knownMemberIds: known,
				figures
			});
			if (!again.ok) throw new ValidationFailed(again.errors);
			const data: Omit<StoredTeamBonus, 'id' | '_meta'> = {
				periodStart: draft.periodStart,
				pot: { minor: draft.pot.minor, currency: draft.pot.currency },
				method: draft.method as SplitMethod,
				memberIds: [...new Set(draft.memberIds)],
				note: draft.note.trim(),
				trashedAt: null
			};
			await d.payTeamBonuses.put(createRecord<StoredTeamBonus>(id, data, stamp));
		})
	);
	return id;
}

/** A month's team bonuses, oldest first. */
export async function listTeamBonuses(start: IsoDate): Promise<TeamBonus[]> {
	const all = await db().payTeamBonuses.toArray();
	return all
		.filter((b) => b.trashedAt === null && b.periodStart === start)
		.sort((a, b) => a._meta.created.hlc.localeCompare(b._meta.created.hlc));
}

/**
 * Takes a bonus off (or, with `back`, puts it back) while its month is open; a closed month's
 * statements keep the shares they were written with.
 */
export async function trashTeamBonus(id: Id, back = false, now = Date.now()): Promise<void> {
	const stamp = await nextStamp();
	const d = db();
	await guarded(() =>
		d.transaction('rw', d.payTeamBonuses, d.payCloses, async () => {
			const stored = await d.payTeamBonuses.get(id);
			if (!stored) throw new ValidationFailed([{ field: 'bonus', code: 'bonus_not_found' }]);
			const closed = await closedMonths();
			if (closed.some((c) => stored.periodStart >= c.start && stored.periodStart < c.end))
				throw new ValidationFailed([{ field: 'period', code: 'bonus_period_closed' }]);
			await d.payTeamBonuses.put(editRecord(stored, { trashedAt: back ? null : now }, stamp).next);
		})
	);
}
