/**
 * Satisfaction and NPS answers (满意度): a customer's answers, their averages and trend, and the
 * form. Keys built from domain codes: `feedback_kind_${kind}`, `channel_${channel}`
 * (feedback/feedback.ts), `error_${code}` (codes shared with other records are in common).
 */
export default {
	// Feedback (feedback/feedback.ts, feedback/scores.ts)
	feedback_kind_csat: 'Satisfaction (CSAT)',
	feedback_kind_nps: 'Net Promoter Score (NPS)',
	channel_phone: 'Phone',
	channel_wechat: 'WeChat',
	channel_email: 'Email',
	channel_visit: 'Visit',
	channel_survey: 'Survey',
	channel_ticket: 'Ticket closed',
	channel_other: 'Other',
	csat_average: 'Average satisfaction',
	nps_score: 'NPS',
	nps_breakdown: '{promoters} promoters · {passives} passives · {detractors} detractors',
	no_answers: 'No answers yet',
	answers_count: '{count} answers',
	// Error codes (db/repos/feedback.ts)
	error_channel_invalid: 'Choose a channel from the list.',
	error_score_invalid_nps: 'NPS is a whole number from 0 to 10.',
	// A customer's answers and the form
	feedback_title: 'Satisfaction',
	feedback_trend: 'Satisfaction by month',
	trend_month: 'Month',
	feedback_new: 'New satisfaction answer',
	feedback_add: 'Add answer',
	feedback_added: 'Answer added.',
	feedback_field_kind: 'Kind',
	feedback_field_score: 'Score',
	feedback_score_choose: '— Score —',
	feedback_field_channel: 'Channel',
	feedback_field_at: 'When',
	feedback_field_comment: 'Comment'
};
