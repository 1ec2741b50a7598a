/**
 * Words used all over the app: buttons, states, language names, the fields and validation codes
 * that several records' pages share.
 */
export default {
	app_name: 'Rapport',
	save: 'Save',
	saving: 'Saving…',
	saved: 'Saved',
	cancel: 'Cancel',
	close: 'Close',
	confirm: 'Confirm',
	reload: 'Reload',
	loading: 'Loading…',
	dismiss: 'Dismiss',
	error_generic: 'Something went wrong. Please try again.',
	// The error summary at the top of a form after a refused save
	form_has_errors: 'Please correct the following:',
	form_error_item: '{field}: {error}',
	// A save the storage refused (db/errors.ts DbErrorCode)
	db_storage_full: 'The browser storage is full. Nothing was saved. Free some space and retry.',
	db_upgrade_required: 'Rapport was updated in another tab. Reload this page to continue.',
	db_blocked: 'Another tab is blocking the database. Close other Rapport tabs and retry.',
	db_unknown: 'Saving failed. Nothing was changed. Please retry.',
	db_not_found: 'This record no longer exists.',
	unknown: 'Unknown',
	// Erasing a person for good (a customer, a contact person, a former team member)
	erase_title: 'Erase {name} permanently?',
	erase_type: 'Type {name} to confirm',
	erase_confirm: 'Erase for good',
	// Shared by the record pages (deals, tasks, tickets, goals, feedback): fields, lists, charts
	customer: 'Customer',
	customer_search: 'Find a customer',
	customer_choose: '— Choose a customer —',
	customer_unknown: '(customer not found)',
	owner: 'Owner',
	owner_everyone: 'Everyone',
	edit: 'Edit',
	export_csv: 'Export CSV',
	filters: 'Filters',
	filter_any: 'Any',
	filter_status: 'Status',
	table_first_rows: 'Showing the first {shown} of {count}; narrow with the filters.',
	scroll_table: 'Table (scrolls sideways)',
	chart_show_table: 'Show the numbers',
	chart_hide_table: 'Hide the numbers',
	chart_save_png: 'Save as PNG',
	chart_save_png_named: 'Save as PNG: {title}',
	chart_failed: 'The chart could not be drawn; the numbers are in the table.',
	// Validation codes several records' repositories return (`error_${code}`)
	error_unknown: 'This value is not valid.',
	error_title_required: 'Enter a title.',
	error_text_required: 'This field is required.',
	error_text_too_long: 'This text is too long.',
	error_owner_required: 'Choose an owner.',
	error_customer_required: 'Choose a customer.',
	error_date_invalid: 'Enter a valid date, not in the future.',
	error_priority_invalid: 'Choose a priority from the list.',
	error_kind_invalid: 'Choose a kind from the list.',
	error_score_invalid_csat: 'Satisfaction is a whole number from 1 to 5.',
	// A long task's progress line (components/ui/RunProgress.svelte).
	progress_read: '{done} records read',
	progress_read_of: '{done} of {total} records read',
	progress_pace: ' · {rate} a second, about {seconds} s left',
	progress_rate: ' · {rate} a second',
	progress_cancel: 'Cancel',
	progress_cancelled: 'Cancelled. Nothing was saved.',
	// Language names are always shown in their own language.
	lang_zh: '中文',
	lang_en: 'English'
};
