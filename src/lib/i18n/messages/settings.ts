import { defineMessages } from '../define';

/** Settings page: language, my profile, storage, demo data. Roles follow MEMBER_ROLES. */
export const settingsMessages = defineMessages({
	en: {
		title: 'Settings',
		language_heading: 'Language',
		language_hint: 'The whole app switches at once; your choice is remembered on this device.',
		profile_heading: 'My profile',
		profile_hint: 'Your name appears as the owner of the customers you create.',
		profile_name: 'Name',
		profile_role: 'Role',
		role_manager: 'Account manager',
		role_ops_lead: 'Operations lead',
		profile_saved: 'Profile saved.',
		profile_name_required: 'Enter your name.',
		storage_heading: 'Storage',
		storage_hint:
			'Rapport keeps all data in this browser. Persistent storage asks the browser never to clear it automatically.',
		storage_persisted: 'Persistent storage is on.',
		storage_not_persisted:
			'Persistent storage is off: the browser may clear data when disk space runs low.',
		storage_usage: '{usage} used of {quota} available',
		storage_usage_unknown: 'The browser does not report how much space is used.',
		storage_request: 'Request persistent storage',
		storage_granted: 'The browser granted persistent storage.',
		storage_denied:
			'The browser declined for now. Installing Rapport as an app or using it often usually helps.',
		demo_heading: 'Demo data',
		demo_hint:
			'A realistic data set (customers, contacts, follow-ups) to try Rapport. Demo records are marked and can be removed at any time; your own records are never touched.',
		demo_present: 'Demo data is loaded.',
		demo_absent: 'No demo data is loaded.',
		demo_load: 'Load demo data',
		demo_loading: 'Loading demo data…',
		demo_loaded: 'Demo data loaded.',
		demo_remove: 'Remove demo data',
		demo_removing: 'Removing demo data…',
		demo_removed: 'Demo data removed.',
		demo_remove_title: 'Remove demo data?',
		demo_remove_body: 'All demo records will be deleted. Records you created yourself stay.',
		demo_failed: 'The demo data could not be changed: {error}'
	},
	zh: {
		title: '设置',
		language_heading: '语言',
		language_hint: '整个应用会立即切换，并在本设备上记住您的选择。',
		profile_heading: '我的资料',
		profile_hint: '您创建的客户会以您的姓名作为负责人。',
		profile_name: '姓名',
		profile_role: '角色',
		role_manager: '客户经理',
		role_ops_lead: '营运中心负责人',
		profile_saved: '资料已保存。',
		profile_name_required: '请输入您的姓名。',
		storage_heading: '存储',
		storage_hint:
			'Rapport 的所有数据都保存在此浏览器中。持久存储可请求浏览器不要自动清除这些数据。',
		storage_persisted: '已启用持久存储。',
		storage_not_persisted: '未启用持久存储：磁盘空间不足时，浏览器可能会清除数据。',
		storage_usage: '已使用 {usage}，可用 {quota}',
		storage_usage_unknown: '浏览器未提供存储用量信息。',
		storage_request: '申请持久存储',
		storage_granted: '浏览器已授予持久存储。',
		storage_denied: '浏览器暂未同意。将 Rapport 安装为应用或经常使用通常会有帮助。',
		demo_heading: '演示数据',
		demo_hint:
			'一套贴近真实的数据（客户、联系人、回访），方便试用 Rapport。演示记录带有标记，可随时删除；您自己的记录不会受影响。',
		demo_present: '已载入演示数据。',
		demo_absent: '未载入演示数据。',
		demo_load: '载入演示数据',
		demo_loading: '正在载入演示数据…',
		demo_loaded: '演示数据已载入。',
		demo_remove: '删除演示数据',
		demo_removing: '正在删除演示数据…',
		demo_removed: '演示数据已删除。',
		demo_remove_title: '删除演示数据？',
		demo_remove_body: '所有演示记录都将被删除，您自己创建的记录会保留。',
		demo_failed: '无法更改演示数据：{error}'
	}
});
