import { defineMessages } from '../define';

/** Marks on demo records wherever they are shown. */
export const demoMessages = defineMessages({
	en: {
		badge: 'Demo',
		badge_title: 'Demo record: removed with “Remove demo data” in Settings'
	},
	zh: {
		badge: '演示',
		badge_title: '演示记录：可在设置中通过“删除演示数据”移除'
	}
});
