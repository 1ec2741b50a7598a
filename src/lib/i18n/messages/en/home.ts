/**
 * Home's day view: the cards of what is due (tasks, tickets, deals closing, birthdays), whose
 * day it shows, and the month's charts (reports/*).
 */
export default {
	// Whose day
	home_whose_day: 'Whose day',
	// Cards
	tasks_due: 'Tasks overdue and due today',
	tasks_none_due: 'Nothing overdue or due today.',
	open_tasks_page: 'All tasks',
	tickets_overdue: 'Tickets past their deadline',
	tickets_none_overdue: 'No open ticket is past its deadline.',
	open_tickets_page: 'All tickets',
	deals_closing_this_month: 'Deals expected to close this month',
	deals_none_closing: 'No open deal is expected to close this month.',
	open_deals_page: 'All deals',
	birthdays_soon: 'Birthdays in the next 7 days',
	birthdays_none: 'No birthdays in the next 7 days.',
	birthday_today: 'Birthday today',
	birthday_in_days: 'Birthday in {days} days',
	birthday_turns: 'turns {age}',
	// Charts of the month (reports/*)
	charts_title: 'My month',
	chart_interactions_by_type: 'Interactions by type',
	chart_interactions_by_day: 'Interactions per day',
	chart_pipeline_by_stage: 'Pipeline by stage',
	chart_sales_vs_goal: 'Sales against goal',
	series_interactions: 'Interactions',
	series_actual: 'Actual',
	series_expected: 'Straight line to target',
	column_type: 'Type',
	column_day: 'Day',
	sales_this_month: 'Sales this month: {amount}',
	sales_goal: 'goal {amount}',
	sales_no_goal: 'no sales goal for this month'
};
