import type en from '../en/demo';

/** Simplified Chinese for ../en/demo.ts: the type checker refuses a missing or an extra key. */
export default {
	badge: '演示',
	badge_title: '演示记录：可在设置中通过“删除演示数据”移除'
} satisfies Record<keyof typeof en, string>;
