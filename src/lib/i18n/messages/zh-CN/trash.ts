import type en from '../en/trash';

/** Simplified Chinese for ../en/trash.ts: the type checker refuses a missing or an extra key. */
export default {
	title: '回收站',
	intro: '移到回收站的客户保留 30 天，之后将被永久删除。',
	loading: '正在加载回收站…',
	empty: '回收站是空的。',
	list_label: '回收站中的客户',
	col_name: '姓名',
	col_trashed_at: '移入时间',
	col_days_left: '剩余天数',
	col_actions: '操作',
	days_left_one: '{days} 天',
	days_left_other: '{days} 天',
	days_left_zero: '即将删除',
	restore: '恢复',
	restore_name: '恢复 {name}',
	restored: '{name} 已恢复到客户列表。',
	restore_failed: '恢复失败，请重试。'
} satisfies Record<keyof typeof en, string>;
