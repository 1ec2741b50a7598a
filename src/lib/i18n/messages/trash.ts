import { defineMessages } from '../define';

/** The trash: customers kept for 30 days before they are purged. */
export const trashMessages = defineMessages({
	en: {
		title: 'Trash',
		intro: 'Customers moved to the trash are kept for 30 days, then deleted for good.',
		loading: 'Loading the trash…',
		empty: 'The trash is empty.',
		list_label: 'Customers in the trash',
		col_name: 'Name',
		col_trashed_at: 'Moved to trash',
		col_days_left: 'Days left',
		col_actions: 'Actions',
		days_left_one: '{days} day',
		days_left_other: '{days} days',
		days_left_zero: 'Deleted soon',
		restore: 'Restore',
		restore_name: 'Restore {name}',
		restored: '{name} is back in the customer list.',
		restore_failed: 'Restoring failed. Please retry.'
	},
	zh: {
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
	}
});
