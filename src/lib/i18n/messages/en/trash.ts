/**
 * The trash: every kind of record moved there, kept for 30 days before it is deleted for good.
 * Keys built from codes: `refused_${RestoreRefusal}`, `customer_${state}`; the kinds'
 * names are in records.ts.
 */
export default {
	title: 'Trash',
	intro:
		'Records moved to the trash (customers, their contact people, log, tasks, deals, orders, tickets and feedback; goals; the team’s courses, training records, work plans and checklists) are kept for 30 days, then deleted for good. A course stays while training records name it.',
	loading: 'Loading the trash…',
	empty: 'The trash is empty.',
	load_failed: 'The trash could not be read. Please reload the page.',
	group_heading: '{kind} ({count})',
	list_label: '{kind} in the trash',
	col_name: 'Name',
	col_record: 'Record',
	col_customer: 'Customer',
	col_details: 'Details',
	col_date: 'Date',
	col_trashed_at: 'Moved to trash',
	col_days_left: 'Days left',
	col_actions: 'Actions',
	days_left_one: '{days} day',
	days_left_other: '{days} days',
	days_left_zero: 'Deleted soon',
	untitled: '(no title)',
	customer_trashed: '{name} (in the trash)',
	customer_erased: 'deleted for good',
	customer_missing: 'not on this device',
	feedback_csat: 'Satisfaction {score}/5',
	feedback_nps: 'NPS {score}/10',
	goal_details: '{owner}, {period} from {start}, target {target}',
	course_details: '{kind}, {hours} h',
	course_unknown: '(course not on this device)',
	training_details: '{member}: {hours} h, {result}',
	work_plan_what: '{span} · {start}',
	work_plan_details: '{member}: visits {visits}, calls {calls}, new customers {customers}',
	checklist_items_one: '{count} item',
	checklist_items_other: '{count} items',
	course_kept_one: 'Kept while {count} training record names it',
	course_kept_other: 'Kept while {count} training records name it',
	restore: 'Restore',
	restore_name: 'Restore {name}',
	restore_all: 'Restore all',
	restored: '{name} is back in the customer list.',
	restored_record: '“{name}” is back.',
	restored_with_customer: '“{name}” is back, and so is its customer {customer}.',
	restored_all_one: '{count} record is back.',
	restored_all_other: '{count} records are back.',
	restored_customers: 'Back from the trash with them: {names}.',
	refused_gone: '“{name}” is no longer in the trash: it was deleted for good meanwhile.',
	refused_private:
		'“{name}” cannot be restored here: it is private to a member whose records you do not see.',
	refused_customer_erased: '“{name}” cannot be restored: its customer was deleted for good.',
	refused_customer_missing:
		'“{name}” cannot be restored: its customer is not on this device (it may come with a teammate’s file).',
	refused_some_one:
		'{count} record stays in the trash: its customer was deleted for good or is not on this device.',
	refused_some_other:
		'{count} records stay in the trash: their customer was deleted for good or is not on this device.',
	restore_failed: 'Restoring failed. Please retry.',
	purge: 'Delete for good',
	purge_name: 'Delete for good: {name}',
	purge_all: 'Delete all for good',
	purge_title: 'Delete “{name}” for good?',
	purge_body:
		'It cannot be restored afterwards. Teammates delete it too when they import your next file.',
	purge_customer_body:
		'Everything stored about this customer goes with them: contact people, log, tasks, deals, orders, tickets and feedback. It cannot be restored afterwards, and teammates delete it too when they import your next file.',
	purge_all_title: 'Delete everything in “{kind}” for good?',
	purge_all_body_one:
		'This record cannot be restored afterwards. Teammates delete it too when they import your next file.',
	purge_all_body_other:
		'These {count} records cannot be restored afterwards. Teammates delete them too when they import your next file.',
	purge_kept_one: '{count} course stays: training records name it.',
	purge_kept_other: '{count} courses stay: training records name them.',
	purge_confirm: 'Delete for good',
	cancel: 'Cancel',
	purged: '“{name}” was deleted for good.',
	purge_none:
		'“{name}” is no longer in the trash (restored or deleted meanwhile): nothing was deleted.',
	purged_all_one: '{count} record was deleted for good.',
	purged_all_other: '{count} records were deleted for good.',
	purge_failed: 'Deleting failed. Please retry.'
};
