import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ladderOf } from '$lib/domain/growth/ladder-level';
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
import { errorCodes } from './test-fixtures';

const blank = {
	name: '',
	monthsAtLevel: null,
	attainmentPeriods: null,
	attainmentMinPct: null,
	minReviewScore: null,
	trainingCount: null,
	trainingCourseIds: []
};

describe('the ladder', () => {
	it('adds levels on top, moves and renames them, and refuses bad ones', async () => {
		const [am, senior] = await addLevels([
			{ ...blank, name: '客户经理' },
			{
				...blank,
				name: '高级客户经理',
				monthsAtLevel: 12,
				attainmentPeriods: 3,
				attainmentMinPct: 100
			}
		]);
		const lead = await addLevel({ ...blank, name: ' 销售主管 ', trainingCourseIds: [' c1 ', ''] });
		expect(ladderOf(await listLevels()).map((l) => l.name)).toEqual([
			'客户经理',
			'高级客户经理',
			'销售主管'
		]);
		expect((await db().levels.get(lead))?.trainingCourseIds).toEqual(['c1']);

		await moveLevel(lead, -1);
		expect(ladderOf(await listLevels()).map((l) => l.id)).toEqual([am, lead, senior]);
		await updateLevel(senior!, { ...blank, name: '资深客户经理', monthsAtLevel: 12 });
		expect((await db().levels.get(senior!))?.name).toBe('资深客户经理');

		const before = await listLevels();
		expect(await errorCodes(addLevel({ ...blank, name: '客户经理' }))).toEqual([
			'level_name_duplicate'
		]);
		expect(await errorCodes(addLevel({ ...blank, name: '' }))).toEqual(['level_name_required']);
		expect(
			await errorCodes(
				addLevel({ ...blank, name: '总监', monthsAtLevel: -1, attainmentPeriods: 2 })
			)
		).toEqual(['criterion_invalid', 'criterion_invalid']);
		expect(
			await errorCodes(
				addLevels([
					{ ...blank, name: '甲' },
					{ ...blank, name: '甲' }
				])
			)
		).toEqual(['level_name_duplicate']);
		expect(await listLevels()).toEqual(before);
	});

	it('takes off the ladder a level nobody holds today, not one somebody does', async () => {
		const [held, free] = await addLevels([
			{ ...blank, name: '见习' },
			{ ...blank, name: '空缺' }
		]);
		const m = await addMember({
			name: '孙七',
			email: '',
			phone: '',
			region: '',
			startDate: '2024-01-01',
			level: held!,
			reportsTo: null,
			status: 'active',
			from: ''
		});
		expect(await errorCodes(removeLevel(held!))).toEqual(['level_in_use']);
		await removeLevel(free!);
		expect(ladderOf(await listLevels()).map((l) => l.id)).not.toContain(free);
		// Moved to another level: the old one may go, and the history keeps naming it.
		const [other] = await addLevels([{ ...blank, name: '正式' }]);
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
