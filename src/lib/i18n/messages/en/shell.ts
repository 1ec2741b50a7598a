/** The frame around every page: header, navigation, banners, and the home page. */
export default {
	skip_link: 'Skip to main content',
	tagline: 'Customer relationships, on this device',
	nav_label: 'Main',
	nav_home: 'Home',
	nav_customers: 'Customers',
	nav_trash: 'Trash',
	nav_settings: 'Settings',
	nav_reviews: 'Reviews',
	nav_pay: 'My pay',
	language_label: 'Language',
	// Service-worker update
	update_ready: 'A new version of Rapport is ready.',
	update_reload: 'Reload',
	update_after_busy: 'A new version is ready. It will be installed when you finish editing.',
	// Database status (contract B DbErrorCode)
	db_upgrade_required: 'Rapport was updated in another tab. Reload this one to continue.',
	db_storage_full:
		'The browser storage is full: your last change was not saved. Free some disk space or remove demo data in Settings.',
	db_blocked: 'Another Rapport tab is blocking the database update. Close the other tabs.',
	db_unknown: 'The local database failed. Reload the page; your saved data is kept.',
	offline: 'Offline — everything still works on this device.',
	// Home
	home_title: 'Home',
	home_welcome: 'Welcome, {name}',
	home_customers_count: 'Customers',
	home_demo_note: 'Includes demo data you can remove in Settings.',
	home_open_customers: 'Open the customer list',
	home_new_customer: 'New customer',
	home_empty_title: 'No customers yet',
	home_empty_body:
		'Restore a backup, add your first customer, or load a demo data set to see Rapport with realistic records.',
	home_load_demo: 'Load demo data',
	home_loading_demo: 'Loading demo data…',
	home_loading: 'Loading your data…',
	home_counting: 'Counting…',
	nav_deals: 'Deals',
	nav_goals: 'Goals',
	nav_team: 'Team',
	nav_rhythm: 'Plans & training',
	nav_tasks: 'Tasks',
	nav_tickets: 'Tickets',
	team_nav_label: 'Team pages',
	team_roster: 'Roster',
	team_dashboard: 'Dashboard',
	team_reviews: 'Reviews',
	team_levels: 'Levels',
	team_pay: 'Pay',
	team_contests: 'Contests',
	team_plans: 'Work plans',
	team_reports: 'Daily reports',
	team_training: 'Training',
	team_checklists: 'Checklists',
	nav_share: 'Share',
	backup_reminder: 'Your last backup is more than 7 days old.',
	backup_reminder_download: 'Your last backup download was started more than 7 days ago.',
	backup_reminder_never: 'You have not made a backup for more than 7 days.',
	backup_working: 'Backing up…',
	backup_now: 'Back up now',
	storage_refused:
		'The browser refused to keep Rapport’s data for good: it may delete Rapport’s data when disk space runs low. Back up often.',
	storage_settings: 'Storage settings',
	data_gone:
		'Your data is gone from this browser: it may have been cleared to free disk space, or deleted.',
	data_gone_backup: 'Your last backup was made on {date}.',
	data_gone_download:
		'Your last backup download was started on {date}: look for the file in your Downloads folder.',
	data_gone_no_backup:
		'No backup was made in this browser; a teammate’s snapshot can bring back what they hold.',
	restore_backup: 'Restore a backup',
	// Stamps dated far ahead, repaired on start
	clock_repaired_one:
		'1 record on this device was dated more than a day in the future (a computer clock set to a wrong date, or a damaged file). It was re-stamped with this device’s clock; its values and author are unchanged.',
	clock_repaired:
		'{n} records on this device were dated more than a day in the future (a computer clock set to a wrong date, or a damaged file). They were re-stamped with this device’s clock; their values and authors are unchanged.',
	// A schema upgrade that takes a while, on the first start after an update
	upgrade_title: 'Updating your data',
	upgrade_why:
		'This version of Rapport stores your records a little differently. It is updating them once, on this device.',
	upgrade_progress: 'Updating your data ({done} of {total})',
	upgrade_speed: '{rate} records/s, about {seconds} s left',
	upgrade_keep_open:
		'Keep this tab open until it is done. Nothing is lost if it closes: the update starts again next time.'
};
