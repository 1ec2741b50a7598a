/** The trash: customers kept for 30 days before they are purged. */
export default {
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
};
