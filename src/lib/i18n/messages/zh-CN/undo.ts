import type en from '../en/undo';

/** Simplified Chinese for ../en/undo.ts: the type checker refuses a missing or an extra key. */
export default {
	confirm_title: '撤销 {file} 的导入？',
	planning: '正在核对撤销会改动哪些数据…',
	plan_failed: '此次导入已无法撤销。',
	restore_one: '{n} 条记录将恢复为导入前的内容。',
	restore_other: '{n} 条记录将恢复为导入前的内容。',
	trash_one: '{n} 条新建记录将移到回收站，30 天内可恢复。',
	trash_other: '{n} 条新建记录将移到回收站，30 天内可恢复。',
	remove_one: '导入新增的 {n} 条记录将被移除。',
	remove_other: '导入新增的 {n} 条记录将被移除。',
	keep_one: '{n} 条记录在导入后有过改动，将保持现状。',
	keep_other: '{n} 条记录在导入后有过改动，将保持现状。',
	erased_one: '同事已彻底删除的 {n} 条记录仍保持删除。',
	erased_other: '同事已彻底删除的 {n} 条记录仍保持删除。',
	confirm: '确认撤销',
	working: '正在撤销…',
	kept_title: '以下记录在导入后有过改动，已保留',
	kept_more: '……另有 {n} 条。',
	kept_item: '{kind}：{label}',
	kept_item_of: '{customer} 的{kind}：{label}',
	reason_edited: '导入后被修改过',
	reason_linked: '导入后新增了相关记录',
	reason_with_parent: '随所属记录一并保留',
	reason_changed: '导入后修改过的字段保留新值',
	reason_unknown: '由旧版本导入，无法区分之后的修改，故保持原样'
} satisfies Record<keyof typeof en, string>;
