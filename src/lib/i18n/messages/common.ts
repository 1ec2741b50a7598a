import { defineMessages } from '../define';

/** Words used all over the app: buttons, states, language names. */
export const commonMessages = defineMessages({
	en: {
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
	},
	zh: {
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
	}
});
