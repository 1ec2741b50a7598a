import { afterEach, describe, expect, it } from 'vitest';
import type { UndoSummary } from '$lib/db/repos/undo-plan';
import { i18n } from '$lib/i18n/i18n.svelte';
import { keptText, planLines } from './undo-text';

const summary: UndoSummary = {
	restored: 1,
	removed: 3,
	erased: 0,
	keptCount: 2,
	kept: [
		{ table: 'customers', id: 'a', reason: 'edited', label: 'Alpha', customer: null },
		{ table: 'interactions', id: 'i', reason: 'linked', label: 'Called', customer: 'Beta' }
	]
};

describe('undo texts', () => {
	afterEach(() => i18n.setLocale('en'));

	it('says what a CSV undo will restore, trash and keep, in English and Chinese', () => {
		i18n.setLocale('en');
		expect(planLines(summary, 'trash')).toEqual([
			'1 record gets back the values it had before the import.',
			'3 new records go to the Trash, where they can be restored for 30 days.',
			'2 records changed since the import are kept as they are now.'
		]);
		i18n.setLocale('zh-CN');
		expect(planLines(summary, 'trash')).toEqual([
			'1 条记录将恢复为导入前的内容。',
			'3 条新建记录将移到回收站，30 天内可恢复。',
			'2 条记录在导入后有过改动，将保持现状。'
		]);
	});

	it('a snapshot undo removes instead, and names what stays erased', () => {
		i18n.setLocale('en');
		const lines = planLines({ ...summary, removed: 1, erased: 4 }, 'remove');
		expect(lines[1]).toBe('1 record the import added is removed again.');
		expect(lines[3]).toBe('4 records a teammate erased stay erased.');
		expect(planLines(summary, 'remove')).toHaveLength(3);
	});

	it('names each kept record, its customer, and why it was kept', () => {
		i18n.setLocale('en');
		expect(summary.kept.map(keptText)).toEqual([
			{ what: 'Customer: Alpha', why: 'edited since the import' },
			{
				what: 'Interaction of Beta: Called',
				why: 'has records added since the import'
			}
		]);
		i18n.setLocale('zh-CN');
		expect(keptText(summary.kept[1]!)).toEqual({
			what: 'Beta 的联系记录：Called',
			why: '导入后新增了相关记录'
		});
		expect(keptText({ ...summary.kept[0]!, table: 'unknown_kind' }).what).toBe('记录：Alpha');
	});
});
