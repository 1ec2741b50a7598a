import type en from '../en/records';

/** Simplified Chinese for ../en/records.ts: the type checker refuses a missing or an extra key. */
export default {
	members: '团队成员',
	members_one: '团队成员',
	customers: '客户',
	customers_one: '客户',
	contacts: '联系人',
	contacts_one: '联系人',
	interactions: '联系记录',
	interactions_one: '联系记录',
	tasks: '任务',
	tasks_one: '任务',
	deals: '商机',
	deals_one: '商机',
	orders: '订单',
	orders_one: '订单',
	tickets: '工单',
	tickets_one: '工单',
	feedback: '反馈',
	feedback_one: '反馈',
	goals: '目标',
	goals_one: '目标',
	reviews: '考评',
	reviews_one: '考评',
	unknown_one: '记录'
} satisfies Record<keyof typeof en, string>;
