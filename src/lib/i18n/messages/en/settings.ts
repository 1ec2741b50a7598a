/** Settings page: language, my profile, storage, demo data. Roles follow MEMBER_ROLES. */
export default {
	title: 'Settings',
	language_heading: 'Language',
	language_hint: 'The whole app switches at once; your choice is remembered on this device.',
	profile_heading: 'My profile',
	profile_hint: 'Your name appears as the owner of the customers you create.',
	profile_name: 'Name',
	profile_role: 'Role',
	role_manager: 'Account manager',
	role_ops_lead: 'Operations lead',
	profile_saved: 'Profile saved.',
	profile_name_required: 'Enter your name.',
	team_heading: 'Team members',
	team_hint:
		'Teammates known on this device, from the files they shared. When someone leaves, their name and email can be erased; the customers and records they own stay.',
	team_empty: 'No teammates yet: they appear when you import a file from them.',
	team_erase: 'Erase {name} permanently',
	team_erase_body:
		'Their name and email are deleted for good, with every copy kept for Undo or in the log. Customers and records they own stay and show an unknown owner. This cannot be undone.',
	my_data_heading: 'My data',
	my_data_hint:
		'A copy of what Rapport keeps about you as a member of the team: your profile, levels, goals, reviews, pay, plans, reports and training, as a JSON file. The customers you look after are the team’s and are not in it.',
	my_data_download: 'Download my data',
	my_data_done: 'Downloaded {name}.',
	storage_heading: 'Storage',
	storage_hint:
		'Rapport keeps all data in this browser. Persistent storage asks the browser never to clear it automatically.',
	storage_persisted: 'Persistent storage is on.',
	storage_refused:
		'The browser refused persistent storage: it may clear Rapport’s data when disk space runs low. Back up often.',
	storage_not_asked:
		'Persistent storage is off for now: Rapport asks for it when you first save data.',
	storage_unsupported:
		'This browser cannot keep data for good: it may clear it when disk space runs low. Back up often.',
	storage_usage: '{usage} used of {quota} available',
	storage_usage_unknown: 'The browser does not report how much space is used.',
	storage_request: 'Request persistent storage',
	storage_granted: 'The browser granted persistent storage.',
	storage_denied:
		'The browser declined for now. Installing Rapport as an app or using it often usually helps.',
	demo_heading: 'Demo data',
	demo_hint:
		'A realistic data set (customers, contacts, follow-ups) to try Rapport. Demo records are marked and can be removed at any time; your own records are never touched.',
	demo_present: 'Demo data is loaded.',
	demo_absent: 'No demo data is loaded.',
	demo_load: 'Load demo data',
	demo_loading: 'Loading demo data…',
	demo_loaded: 'Demo data loaded.',
	demo_remove: 'Remove demo data',
	demo_removing: 'Removing demo data…',
	demo_removed: 'Demo data removed.',
	demo_remove_title: 'Remove demo data?',
	demo_remove_body: 'All demo records will be deleted. Records you created yourself stay.',
	demo_failed: 'The demo data could not be changed: {error}'
};
