import {
	checkLadderLevel,
	movedRanks,
	nextRank,
	type LadderLevel,
	type LadderLevelDraft
} from '$lib/domain/growth/ladder-level';
import { factsOfKind, rosterOn } from '$lib/domain/team/member-fact';
import { zonedIsoDate } from '$lib/domain/team/zone';
import type { Id } from '$lib/domain/shared/types';
import { createRecord, editRecord } from '$lib/sync/edit';
import { db } from '../db';
import { NotFound, ValidationFailed } from '../errors';
import { newId } from '../ids';
import { nextStamp, stamper } from '../session';
import { guarded } from '../write';
import { getTeamZone } from './team-settings';

/**
 * The ladder of levels the lead edits (domain/growth/ladder-level.ts): one record per level,
 * ordered by rank. Every write is checked against the other levels in its transaction.
 */
export async function listLevels(): Promise<LadderLevel[]> {
	return db().levels.toArray();
}

function normalised(draft: LadderLevelDraft): LadderLevelDraft {
	return {
		...draft,
		name: draft.name.trim(),
		trainingCourseIds: draft.trainingCourseIds.map((c) => c.trim()).filter(Boolean)
	};
}

/** Adds a level at the top of the ladder. */
export async function addLevel(draft: LadderLevelDraft): Promise<Id> {
	const value = normalised(draft);
	const id = newId();
	const stamp = await nextStamp();
	const d = db();
	await guarded(() =>
		d.transaction('rw', d.levels, async () => {
			const stored = await d.levels.toArray();
			const errors = checkLadderLevel(value, id, stored);
			if (errors.length) throw new ValidationFailed(errors);
			await d.levels.add(
				createRecord<LadderLevel>(id, { ...value, rank: nextRank(stored), trashedAt: null }, stamp)
			);
		})
	);
	return id;
}

/**
 * Adds several levels at once, lowest first, above the ones there are (the usual ladder offered
 * to a team that has none yet). Refused whole when any is.
 */
export async function addLevels(drafts: readonly LadderLevelDraft[]): Promise<Id[]> {
	const stamp = await stamper();
	const d = db();
	const ids = drafts.map(() => newId());
	await guarded(() =>
		d.transaction('rw', d.levels, async () => {
			const stored = await d.levels.toArray();
			for (const [i, draft] of drafts.entries()) {
				const value = normalised(draft);
				const errors = checkLadderLevel(value, ids[i]!, stored);
				if (errors.length) throw new ValidationFailed(errors);
				const record = createRecord<LadderLevel>(
					ids[i]!,
					{ ...value, rank: nextRank(stored), trashedAt: null },
					stamp()
				);
				stored.push(record);
				await d.levels.add(record);
			}
		})
	);
	return ids;
}

export async function updateLevel(id: Id, draft: LadderLevelDraft): Promise<void> {
	const value = normalised(draft);
	const stamp = await nextStamp();
	const d = db();
	await guarded(() =>
		d.transaction('rw', d.levels, async () => {
			const stored = await d.levels.toArray();
			const current = stored.find((l) => l.id === id);
			if (!current || current.trashedAt !== null) throw new NotFound(`levels ${id}`);
			const errors = checkLadderLevel(value, id, stored);
			if (errors.length) throw new ValidationFailed(errors);
			const { next, changed } = editRecord(current, value, stamp);
			if (changed.length) await d.levels.put(next);
		})
	);
}

/** Moves a level one step down (-1) or up (+1) the ladder. */
export async function moveLevel(id: Id, by: -1 | 1): Promise<void> {
	const stamp = await stamper();
	const d = db();
	await guarded(() =>
		d.transaction('rw', d.levels, async () => {
			const stored = await d.levels.toArray();
			const byId = new Map(stored.map((l) => [l.id, l]));
			const next = movedRanks(stored, id, by).map(
				({ id: lid, rank }) => editRecord(byId.get(lid)!, { rank }, stamp()).next
			);
			await d.levels.bulkPut(next);
		})
	);
}

/**
 * Takes a level off the ladder (to the trash). Refused while a member holds it today: move them
 * first. Past level records keep naming it, and the history still shows its name.
 */
export async function removeLevel(id: Id): Promise<void> {
	const zone = await getTeamZone();
	const stamp = await nextStamp();
	const d = db();
	await guarded(() =>
		d.transaction('rw', d.levels, d.members, d.memberFacts, async () => {
			const level = await d.levels.get(id);
			if (!level) throw new NotFound(`levels ${id}`);
			if (level.trashedAt !== null) return;
			const [members, facts] = await Promise.all([d.members.toArray(), d.memberFacts.toArray()]);
			const live = members.filter((m) => m.trashedAt === null).map((m) => m.id);
			const today = rosterOn(live, factsOfKind(facts, 'level'), zonedIsoDate(zone, Date.now()));
			if ([...today.values()].some((s) => s.level === id))
				throw new ValidationFailed([{ field: 'level', code: 'level_in_use' }]);
			await d.levels.put(editRecord(level, { trashedAt: Date.now() }, stamp).next);
		})
	);
}
