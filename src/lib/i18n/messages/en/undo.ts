/** Undo of an import (CSV or snapshot): the confirmation first, then what was kept and why. */
export default {
	confirm_title: 'Undo the import of {file}?',
	planning: 'Working out what Undo will change…',
	plan_failed: 'This import can no longer be undone.',
	restore_one: '{n} record gets back the values it had before the import.',
	restore_other: '{n} records get back the values they had before the import.',
	trash_one: '{n} new record goes to the Trash, where it can be restored for 30 days.',
	trash_other: '{n} new records go to the Trash, where they can be restored for 30 days.',
	remove_one: '{n} record the import added is removed again.',
	remove_other: '{n} records the import added are removed again.',
	keep_one: '{n} record changed since the import is kept as it is now.',
	keep_other: '{n} records changed since the import are kept as they are now.',
	erased_one: '{n} record a teammate erased stays erased.',
	erased_other: '{n} records a teammate erased stay erased.',
	confirm: 'Undo the import',
	working: 'Undoing…',
	kept_title: 'Kept, because they changed since the import',
	kept_more: '… and {n} more.',
	kept_item: '{kind}: {label}',
	kept_item_of: '{kind} of {customer}: {label}',
	reason_edited: 'edited since the import',
	reason_linked: 'has records added since the import',
	reason_with_parent: 'kept with the record it belongs to',
	reason_changed: 'the fields edited since the import keep their new values',
	reason_unknown:
		'imported by an older version, whose later edits cannot be told apart: left as it is'
};
