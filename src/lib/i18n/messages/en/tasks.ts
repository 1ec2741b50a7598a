/**
 * Tasks and follow-ups (回访): the task list and its views, the task form, the follow-ups due
 * and their dialog, the follow-up cadence and the calendar export. Keys built from domain codes:
 * `due_${view}` (task/due-views.ts), `task_priority_${priority}`, `task_kind_${kind}`
 * (task/task.ts), `error_${code}` (codes shared with other records are in common).
 */
export default {
	// Task views (task/due-views.ts)
	due_overdue: 'Overdue',
	due_today: 'Today',
	due_this_week: 'This week',
	due_later: 'Later',
	task_priority_low: 'Low',
	task_priority_normal: 'Normal',
	task_priority_high: 'High',
	task_kind_todo: 'To-do',
	task_kind_follow_up: 'Follow-up',
	// Error codes (db/repos/tasks.ts)
	error_due_invalid: 'Enter a valid due date.',
	error_cadence_invalid: 'Enter whole days from 0 to 3650.',
	// The task list and form
	tasks_title: 'Tasks',
	task_views: 'Task views',
	tasks_none_in_view: 'No tasks here.',
	task_new: 'New task',
	task_create: 'Add task',
	task_created: 'Task added.',
	task_field_title: 'Title',
	task_field_due: 'Due',
	task_field_due_date: 'Due date',
	task_field_due_time: 'Time (optional)',
	task_field_due_time_hint: 'Without a time, the task is due that day.',
	task_field_priority: 'Priority',
	task_field_kind: 'Kind',
	task_field_status: 'Status',
	task_done_at: 'Completed',
	task_status_done: 'Done',
	task_status_open: 'Open',
	task_complete: 'Done',
	task_reopen: 'Reopen',
	task_complete_named: 'Mark “{title}” done',
	task_reopen_named: 'Reopen “{title}”',
	// Calendar export (task/ics.ts)
	ics_export: 'Export to calendar (.ics)',
	ics_calendar_name: 'Rapport tasks',
	// Follow-ups due (task/cadence.ts)
	follow_ups_due: 'Follow-ups due',
	follow_up_due_today: 'Due today',
	days_overdue_one: '{days} day overdue',
	days_overdue_other: '{days} days overdue',
	never_contacted: 'Never contacted',
	follow_ups_none: 'No customer is due for a follow-up.',
	show_all: 'Show all {count}',
	follow_up_log: 'Log follow-up',
	follow_up_log_named: 'Log follow-up with {name}',
	follow_up_log_title: 'Follow-up with {name}',
	follow_up_log_submit: 'Log and complete',
	// Follow-up cadence settings
	cadence_title: 'Follow-up cadence',
	cadence_hint:
		'Customers not contacted for this many days are due for a follow-up. 0 turns it off for the tier.',
	cadence_days_for: '{tier}: days'
};
