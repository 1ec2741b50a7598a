import type en from '../en/common';

/** Simplified Chinese for ../en/common.ts: the type checker refuses a missing or an extra key. */
export default {
	app_name: 'Rapport',
	save: '保存',
	saving: '正在保存…',
	saved: '已保存',
	cancel: '取消',
	close: '关闭',
	confirm: '确认',
	reload: '重新加载',
	loading: '正在加载…',
	dismiss: '关闭',
	error_generic: '出了点问题，请重试。',
	unknown: '未知',
	lang_zh: '中文',
	lang_en: 'English'
} satisfies Record<keyof typeof en, string>;
