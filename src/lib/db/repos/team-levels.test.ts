import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ladderOf, levelDraft } from '$lib/domain/growth/ladder-level';
import { db } from '../db';
import { setMemberFact } from './team-facts';
import {
	addLevel,
	addLevels,
	listLevels,
	moveLevel,
	removeLevel,
	updateLevel
} from './team-levels';
import { addMember } from './team-roster';
import { errorCodes, newMember } from './test-fixtures';

describe('the ladder', () => {
	it('adds levels on top, moves and renames them, and refuses bad ones', async () => {
		const [am, senior] = await addLevels([
			levelDraft('客户经理'),
			levelDraft('高级客户经理', {
				monthsAtLevel: 12,
				attainmentPeriods: 3,
				attainmentMinPct: 100
			})
		]);
		const lead = await addLevel(levelDraft(' 销售主管 ', { trainingCourseIds: [' c1 ', ''] }));
		expect(ladderOf(await listLevels()).map((l) => l.name)).toEqual([
			'客户经理',
			'高级客户经理',
			'销售主管'
		]);
		expect((await db().levels.get(lead))?.trainingCourseIds).toEqual(['c1']);

		await moveLevel(lead, -1);
		expect(ladderOf(await listLevels()).map((l) => l.id)).toEqual([am, lead, senior]);
		await updateLevel(senior!, levelDraft('资深客户经理', { monthsAtLevel: 12 }));
		expect((await db().levels.get(senior!))?.name).toBe('资深客户经理');

		const before = await listLevels();
		expect(await errorCodes(addLevel(levelDraft('客户经理')))).toEqual(['level_name_duplicate']);
		expect(await errorCodes(addLevel(levelDraft('')))).toEqual(['level_name_required']);
		expect(
			await errorCodes(addLevel(levelDraft('总监', { monthsAtLevel: -1, attainmentPeriods: 2 })))
		).toEqual(['criterion_invalid', 'criterion_invalid']);
		expect(await errorCodes(addLevels([levelDraft('甲'), levelDraft('甲')]))).toEqual([
			'level_name_duplicate'
		]);
		expect(await listLevels()).toEqual(before);
	});

	it('takes off the ladder a level nobody holds today, not one somebody does', async () => {
		const [held, free] = await addLevels([levelDraft('见习'), levelDraft('空缺')]);
		const m = await addMember(newMember('孙七', { level: held! }));
		expect(await errorCodes(removeLevel(held!))).toEqual(['level_in_use']);
		await removeLevel(free!);
		expect(ladderOf(await listLevels()).map((l) => l.id)).not.toContain(free);
		// Moved to another level: the old one may go, and the history keeps naming it.
		const [other] = await addLevels([levelDraft('正式')]);
		await setMemberFact({
			memberId: m,
			kind: 'level',
			value: other!,
			from: '2024-06-01',
			note: ''
		});
		await removeLevel(held!);
		expect((await db().levels.get(held!))?.trashedAt).not.toBeNull();
	});
});
