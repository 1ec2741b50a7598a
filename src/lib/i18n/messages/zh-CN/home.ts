import type en from '../en/home';

/** Simplified Chinese for ../en/home.ts: the type checker refuses a missing or an extra key. */
export default {
	home_whose_day: '查看谁的工作台',
	tasks_due: '逾期及今日到期的任务',
	tasks_none_due: '没有逾期或今日到期的任务。',
	open_tasks_page: '全部任务',
	tickets_overdue: '已超时的工单',
	tickets_none_overdue: '没有超时的工单。',
	open_tickets_page: '全部工单',
	deals_closing_this_month: '本月预计成交的商机',
	deals_none_closing: '本月没有预计成交的商机。',
	open_deals_page: '全部商机',
	birthdays_soon: '未来 7 天生日',
	birthdays_none: '未来 7 天没有客户生日。',
	birthday_today: '今天生日',
	birthday_in_days: '{days} 天后生日',
	birthday_turns: '满 {age} 岁',
	charts_title: '本月概况',
	chart_interactions_by_type: '按类型统计联系',
	chart_interactions_by_day: '每日联系次数',
	chart_pipeline_by_stage: '各阶段商机',
	chart_sales_vs_goal: '销售额与目标',
	series_interactions: '联系次数',
	series_actual: '实际',
	series_expected: '目标进度线',
	column_type: '类型',
	column_day: '日期',
	sales_this_month: '本月销售额：{amount}',
	sales_goal: '目标 {amount}',
	sales_no_goal: '本月未设销售目标'
} satisfies Record<keyof typeof en, string>;
