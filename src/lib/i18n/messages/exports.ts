import { defineMessages } from '../define';

/** CSV export of a list (customers, their interactions, their orders). */
export const exportsMessages = defineMessages({
	en: {
		title: 'Export to CSV',
		what: 'Export',
		what_customer: 'These customers',
		what_interaction: 'Their interactions',
		what_order: 'Their orders',
		encoding: 'Encoding',
		encoding_utf8: 'UTF-8 (Excel, WPS, Numbers)',
		encoding_gb18030: 'GB18030 (older Chinese Excel)',
		button: 'Export {n} customers to CSV',
		working: 'Preparing the file…',
		done: 'Exported {rows} rows to {file}.',
		failed: 'The export failed. Nothing was downloaded.'
	},
	zh: {
		title: '导出 CSV',
		what: '导出内容',
		what_customer: '这些客户',
		what_interaction: '他们的联系记录',
		what_order: '他们的订单',
		encoding: '编码',
		encoding_utf8: 'UTF-8（Excel、WPS、Numbers）',
		encoding_gb18030: 'GB18030（旧版中文 Excel）',
		button: '将 {n} 个客户导出为 CSV',
		working: '正在生成文件…',
		done: '已导出 {rows} 行到 {file}。',
		failed: '导出失败，没有下载任何文件。'
	}
});
