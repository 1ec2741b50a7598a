import type en from '../en/shell';

/** Simplified Chinese for ../en/shell.ts: the type checker refuses a missing or an extra key. */
export default {
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
	home_empty_body:
		'从备份恢复、添加第一位客户，或载入一套演示数据，看看 Rapport 在真实数据下的样子。',
	home_load_demo: '载入演示数据',
	home_loading_demo: '正在载入演示数据…',
	home_loading: '正在加载数据…',
	home_counting: '正在统计…',
	nav_deals: '商机',
	nav_goals: '目标',
	nav_rhythm: '计划与培训',
	nav_tasks: '任务',
	nav_tickets: '工单',
	nav_share: '共享',
	backup_reminder: '距上次备份已超过 7 天。',
	backup_reminder_download: '上次开始下载备份已是 7 天多以前。',
	backup_reminder_never: '您已超过 7 天没有备份。',
	backup_working: '正在备份…',
	backup_now: '立即备份',
	storage_refused:
		'浏览器拒绝长期保留 Rapport 的数据：磁盘空间不足时，可能会删除这些数据。请经常备份。',
	storage_settings: '存储设置',
	data_gone: '您的数据已不在此浏览器中：可能是浏览器为释放磁盘空间而清除了它，或数据被删除了。',
	data_gone_backup: '您上次备份于 {date}。',
	data_gone_download: '您上次于 {date} 开始下载备份：请在“下载”文件夹中查找该文件。',
	data_gone_no_backup: '此浏览器中没有做过备份；同事的快照可以找回他们手中的数据。',
	restore_backup: '从备份恢复',
	clock_repaired_one:
		'本设备上有 1 条记录的时间比现在晚了一天以上（电脑日期设置有误，或文件已损坏）。已按本设备的时钟重新标记时间，内容和作者均未改变。',
	clock_repaired:
		'本设备上有 {n} 条记录的时间比现在晚了一天以上（电脑日期设置有误，或文件已损坏）。已按本设备的时钟重新标记时间，内容和作者均未改变。',
	upgrade_title: '正在更新数据',
	upgrade_why: '此版本的 Rapport 存储记录的方式略有不同，正在本设备上一次性更新您的记录。',
	upgrade_progress: '正在更新数据（{done} / {total}）',
	upgrade_speed: '每秒 {rate} 条，约剩 {seconds} 秒',
	upgrade_keep_open:
		'请在完成前保持此标签页打开。即使中途关闭也不会丢失数据，下次打开时会重新开始更新。'
} satisfies Record<keyof typeof en, string>;
