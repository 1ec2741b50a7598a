import type en from '../en/settings';

/** Simplified Chinese for ../en/settings.ts: the type checker refuses a missing or an extra key. */
export default {
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
	team_heading: '团队成员',
	team_hint:
		'本设备上已知的同事，来自他们分享的文件。有人离职时，可以删除其姓名和邮箱；其负责的客户和记录保留。',
	team_empty: '还没有同事：导入同事的文件后会显示在这里。',
	team_erase: '永久删除 {name}',
	team_erase_body:
		'将彻底删除其姓名和邮箱，以及为撤销和日志保留的所有副本。其负责的客户和记录保留，负责人显示为未知。此操作无法撤销。',
	my_data_heading: '我的数据',
	my_data_hint:
		'下载 Rapport 中关于你作为团队成员的全部数据副本（JSON 文件）：个人资料、职级、目标、绩效考核、薪酬、计划、日报和培训记录。你负责的客户属于团队，不包含在内。',
	my_data_download: '下载我的数据',
	my_data_done: '已下载 {name}。',
	storage_heading: '存储',
	storage_hint: 'Rapport 的所有数据都保存在此浏览器中。持久存储可请求浏览器不要自动清除这些数据。',
	storage_persisted: '已启用持久存储。',
	storage_refused: '浏览器拒绝了持久存储：磁盘空间不足时，可能会清除 Rapport 的数据。请经常备份。',
	storage_not_asked: '暂未启用持久存储：您第一次保存数据时，Rapport 会向浏览器申请。',
	storage_unsupported: '此浏览器无法长期保留数据：磁盘空间不足时可能会清除。请经常备份。',
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
} satisfies Record<keyof typeof en, string>;
