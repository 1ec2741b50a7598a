import { defineMessages } from '../define';

/** The frame around every page: header, navigation, banners, and the home page. */
export const shellMessages = defineMessages({
	en: {
		skip_link: 'Skip to main content',
		tagline: 'Customer relationships, on this device',
		nav_label: 'Main',
		nav_home: 'Home',
		nav_customers: 'Customers',
		nav_trash: 'Trash',
		nav_settings: 'Settings',
		language_label: 'Language',
		// Service-worker update
		update_ready: 'A new version of Rapport is ready.',
		update_reload: 'Reload',
		update_after_busy: 'A new version is ready. It will be installed when you finish editing.',
		// Database status (contract B DbErrorCode)
		db_upgrade_required: 'Rapport was updated in another tab. Reload this one to continue.',
		db_storage_full:
			'The browser storage is full: your last change was not saved. Free some disk space or remove demo data in Settings.',
		db_blocked: 'Another Rapport tab is blocking the database update. Close the other tabs.',
		db_unknown: 'The local database failed. Reload the page; your saved data is kept.',
		offline: 'Offline — everything still works on this device.',
		// Home
		home_title: 'Home',
		home_welcome: 'Welcome, {name}',
		home_customers_count: 'Customers',
		home_demo_note: 'Includes demo data you can remove in Settings.',
		home_open_customers: 'Open the customer list',
		home_new_customer: 'New customer',
		home_empty_title: 'No customers yet',
		home_empty_body:
			'Add your first customer, or load a demo data set to see Rapport with realistic records.',
		home_load_demo: 'Load demo data',
		home_loading_demo: 'Loading demo data…',
		home_loading: 'Loading your data…'
	},
	zh: {
		skip_link: '跳到主要内容',
		tagline: '客户关系，数据留在本机',
		nav_label: '主导航',
		nav_home: '首页',
		nav_customers: '客户',
		nav_trash: '回收站',
		nav_settings: '设置',
		language_label: '语言',
		update_ready: 'Rapport 有新版本可用。',
		update_reload: '重新加载',
		update_after_busy: 'Rapport 有新版本可用，将在您完成编辑后安装。',
		db_upgrade_required: 'Rapport 已在另一个标签页中更新，请重新加载此页面后继续。',
		db_storage_full:
			'浏览器存储空间已满，最近的修改未能保存。请释放磁盘空间，或在设置中删除演示数据。',
		db_blocked: '另一个 Rapport 标签页阻止了数据库升级，请关闭其他标签页。',
		db_unknown: '本地数据库出错。请重新加载页面，已保存的数据不会丢失。',
		offline: '当前离线——在本设备上一切照常可用。',
		home_title: '首页',
		home_welcome: '欢迎，{name}',
		home_customers_count: '客户数',
		home_demo_note: '其中包含演示数据，可在设置中删除。',
		home_open_customers: '打开客户列表',
		home_new_customer: '新建客户',
		home_empty_title: '还没有客户',
		home_empty_body: '添加第一位客户，或载入一套演示数据，看看 Rapport 在真实数据下的样子。',
		home_load_demo: '载入演示数据',
		home_loading_demo: '正在载入演示数据…',
		home_loading: '正在加载数据…'
	}
});
