/** Words used all over the app: buttons, states, language names. */
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
	unknown: 'Unknown',
	// Language names are always shown in their own language.
	lang_zh: '中文',
	lang_en: 'English'
};
