/**
 * Goals: the goal list, form and progress. Keys built from domain codes: `metric_${metric}`
 * (goal/goal.ts GOAL_METRICS), `pace_${pace}` and `goal_state_${state}` (goal/progress.ts),
 * `period_${kind}` (shared/dates.ts), `error_${code}` (codes shared with other records are in
 * common).
 */
export default {
	// Goal metrics (goal/goal.ts GOAL_METRICS)
	metric_sales_amount: 'Sales amount',
	metric_new_customers: 'New customers',
	metric_follow_ups: 'Follow-ups done',
	metric_interactions: 'Interactions',
	metric_avg_satisfaction: 'Average satisfaction',
	metric_retention_rate: 'Retention rate',
	metric_complaint_rate: 'Complaint rate',
	metric_avg_resolution_time: 'Average resolution time',
	metric_market_share: 'Market share',
	value_hours: '{hours} h',
	// Pace and goal state (goal/progress.ts)
	pace_on_track: 'On track',
	pace_at_risk: 'At risk',
	pace_off_track: 'Off track',
	goal_state_not_started: 'Not started',
	goal_state_active: 'In progress',
	goal_state_ended: 'Ended',
	goal_achieved: 'Achieved',
	goal_expected_now: 'Expected by now: {value}',
	period_month: 'Month',
	period_quarter: 'Quarter',
	period_year: 'Year',
	// Error codes (goal/progress.ts, db/repos/goals.ts)
	error_period_invalid: 'The goal’s period start is not a valid date.',
	error_target_invalid: 'The target must be a number of 0 or more.',
	error_metric_invalid: 'Choose a metric from the list.',
	error_level_required: 'Choose a level.',
	error_no_members_at_level: 'Nobody holds this level on the period’s first day.',
	// Goals of a whole level, set by the lead
	level_goals: 'Set for a whole level',
	level_goals_hint:
		'Every member holding the level on the period’s first day gets this goal; setting it again changes their targets.',
	level_goals_level: 'Level',
	level_goals_preview: 'Show who gets it',
	level_goals_confirm_one: 'This sets the goal for {count} member: {names}.',
	level_goals_confirm_other: 'This sets the goal for {count} members: {names}.',
	level_goals_apply: 'Set these goals',
	level_goals_cancel: 'Cancel',
	level_goals_done_one: 'Goal set for {count} member.',
	level_goals_done_other: 'Goals set for {count} members.',
	// The goal list, form and cards
	goals_title: 'My goals',
	goals_list: 'Goals and progress',
	goals_none: 'No goals yet. Add one below.',
	goal_new: 'New goal',
	goal_create: 'Add goal',
	goal_created: 'Goal added.',
	goal_field_metric: 'Metric',
	goal_field_period: 'Period',
	goal_field_start: 'Starting month',
	goal_field_start_hint: 'A quarter starts in January, April, July or October; a year in January.',
	goal_field_target: 'Target',
	goal_target_hint_count: 'A whole number.',
	goal_target_hint_money: 'Amount in yuan (CNY).',
	goal_target_hint_score: 'Average score from 1 to 5, e.g. 4.5.',
	goal_actual: 'Actual',
	goal_expected: 'Expected by now',
	goal_pace: 'Pace',
	goal_progress_of: 'Progress of {metric}',
	goal_remove: 'Remove',
	goal_remove_named: 'Remove goal {metric}, {period}',
	no_data: 'No data yet'
};
