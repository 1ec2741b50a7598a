import type en from '../en/feedback';

/** Simplified Chinese for ../en/feedback.ts: the type checker refuses a missing or an extra key. */
export default {
	feedback_kind_csat: '满意度（CSAT）',
	feedback_kind_nps: '净推荐值（NPS）',
	channel_phone: '电话',
	channel_wechat: '微信',
	channel_email: '邮件',
	channel_visit: '拜访',
	channel_survey: '问卷',
	channel_ticket: '工单关闭',
	channel_other: '其他',
	csat_average: '平均满意度',
	nps_score: '净推荐值',
	nps_breakdown: '推荐者 {promoters} · 中立者 {passives} · 贬损者 {detractors}',
	no_answers: '暂无评价',
	answers_count: '共 {count} 条',
	error_channel_invalid: '请从列表中选择渠道。',
	error_score_invalid_nps: 'NPS 为 0 到 10 的整数。',
	feedback_title: '满意度',
	feedback_trend: '每月满意度',
	trend_month: '月份',
	feedback_new: '新增满意度评价',
	feedback_add: '添加评价',
	feedback_added: '评价已添加。',
	feedback_field_kind: '类型',
	feedback_field_score: '分数',
	feedback_score_choose: '— 分数 —',
	feedback_field_channel: '渠道',
	feedback_field_at: '时间',
	feedback_field_comment: '备注'
} satisfies Record<keyof typeof en, string>;
