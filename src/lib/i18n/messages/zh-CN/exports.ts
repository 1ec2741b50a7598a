import type en from '../en/exports';

/** Simplified Chinese for ../en/exports.ts: the type checker refuses a missing or an extra key. */
export default {
	title: '导出 CSV',
	what: '导出内容',
	what_customer: '这些客户（全部字段）',
	what_shown: '这些客户（列表中的列）',
	what_interaction: '他们的联系记录',
	what_order: '他们的订单',
	encoding: '编码',
	encoding_utf8: 'UTF-8（Excel、WPS、Numbers）',
	encoding_gb18030: 'GB18030（旧版中文 Excel）',
	button: '将 {n} 个客户导出为 CSV',
	working: '正在生成文件…',
	done: '已导出 {rows} 行到 {file}。',
	failed: '导出失败，没有下载任何文件。'
} satisfies Record<keyof typeof en, string>;
