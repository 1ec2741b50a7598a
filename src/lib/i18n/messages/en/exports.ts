/** CSV export of a list (customers, their interactions, their orders). */
export default {
	title: 'Export to CSV',
	what: 'Export',
	what_customer: 'These customers, every field',
	what_shown: 'These customers, the columns shown',
	what_interaction: 'Their interactions',
	what_order: 'Their orders',
	encoding: 'Encoding',
	encoding_utf8: 'UTF-8 (Excel, WPS, Numbers)',
	encoding_gb18030: 'GB18030 (older Chinese Excel)',
	button: 'Export {n} customers to CSV',
	working: 'Preparing the file…',
	done: 'Exported {rows} rows to {file}.',
	failed: 'The export failed. Nothing was downloaded.'
};
