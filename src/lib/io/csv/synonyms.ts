/**
 * Header synonyms, Chinese and English, including the column names written by Chinese Excel
 * sheets, Google Contacts (old and new), Outlook, Zoho CRM, Fxiaoke (纷享销客), HubSpot and
 * Salesforce exports. Matching is on a header key: NFKC, lower case, spaces and punctuation
 * removed ("E-mail 1 - Value" → "email1value"), Traditional characters written as Simplified
 * (客戶名稱 → 客户名称, as a Big5 file from Taiwan or Hong Kong names its columns), so list each
 * name once in any spelling. Order matters: the first field whose list matches wins.
 */
import type { FieldsOf, ImportTarget } from './fields';

/** The Traditional characters of header names, and their Simplified forms, position by position. */
const TRADITIONAL =
	'銷聯稱對職務頭電話機號戶單業屬類質個辦動細區別來線獲級階狀態進標組負責經員歸產備說訪時間長鐘內記錄結滿評編購買約額總價實計種貨項數紛銜碼郵詳訊簽籤溝訂幣絡繫縣註';
const SIMPLIFIED =
	'销联称对职务头电话机号户单业属类质个办动细区别来线获级阶状态进标组负责经员归产备说访时间长钟内记录结满评编购买约额总价实计种货项数纷衔码邮详讯签签沟订币络系县注';
let simplified: Map<string, string> | null = null;

const toSimplified = (s: string): string => {
	simplified ??= new Map([...TRADITIONAL].map((t, i) => [t, SIMPLIFIED[i] ?? t]));
	const map = simplified;
	return s.replace(/[\u4e00-\u9fff]/g, (c) => map.get(c) ?? c);
};

export function headerKey(header: string): string {
	return toSimplified(
		header
			.normalize('NFKC')
			.toLowerCase()
			.replace(/[\s_\-–—.:：·,，、()（）[\]【】*#/\\'"‘’“”]/g, '')
	);
}

/** A field, its names separated by `|`, and regular expressions on the header key. */
type Rule<F> = readonly [field: F, names: string, patterns?: readonly RegExp[]];

const CUSTOMER: readonly Rule<FieldsOf['customer']>[] = [
	[
		'contactName',
		'联系人|联系人姓名|联系人名称|联络人|联络人姓名|对接人|主要联系人|primary contact|contact person'
	],
	[
		'contactTitle',
		'职务|职位|联系人职务|联系人职位|头衔|title|job title|jobtitle|position|organization title|' +
			'contact job title|' +
			'designation',
		[/^organization\d*title$/]
	],
	[
		'contactPhone',
		'联系人电话|联系人手机|联系人手机号|联系人手机号码|contact phone|contact mobile'
	],
	['contactEmail', '联系人邮箱|联系人电子邮箱|联系人email|contact email'],
	['firstName', '名|first name|given name|firstname|givenname|forename'],
	['lastName', '姓|姓氏|last name|family name|surname|lastname|familyname'],
	[
		'name',
		'客户名称|客户名|客户|客户姓名|名称|姓名|名字|全名|客户全称|name|full name|display name|contact name|' +
			'customer|customer name|client|client name|contact'
	],
	[
		'company',
		'公司|公司名称|单位|单位名称|企业|企业名称|工作单位|所属公司|所在公司|客户公司|company|company name|organization|' +
			'organisation|organization name|account name|account|employer|business name',
		[/^organi[sz]ation\d*name$/]
	],
	[
		'kind',
		'客户类型|客户性质|类型|个人或企业|type|customer type|kind|account type|person or company'
	],
	[
		'phone',
		'手机|手机号|手机号码|电话|电话号码|联系电话|联络电话|固定电话|固话|座机|办公电话|移动电话|行动电话|公司电话|联系方式|' +
			'phone|phone number|' +
			'telephone|tel|mobile|mobile phone|mobile phone number|cell|cell phone|' +
			'work phone|home phone|business phone|other phone|primary phone|' +
			'company main phone',
		[/^phone\d+value$/, /^(home|business|mobile|other|car|primary|company|work)phone\d*$/]
	],
	[
		'email',
		'邮箱|电子邮箱|邮件|电子邮件|邮箱地址|email|e-mail|email address|mail|work email|personal email',
		[/^email\d+value$/, /^email\d*address$/]
	],
	['wechat', '微信|微信号|微信id|wechat|wechat id|weixin|wx'],
	[
		'address',
		'地址|详细地址|联系地址|通讯地址|公司地址|办公地址|address|street|mailing street|business street|' +
			'billing street|home street|business address',
		[/^address\d+(formatted|street)$/]
	],
	[
		'city',
		'城市|所在城市|所在地|地区|所在地区|城市名|县市|city|mailing city|business city|home city|billing city',
		[/^address\d+city$/]
	],
	['industry', '行业|所属行业|行业类别|产业|industry'],
	[
		'source',
		'来源|客户来源|线索来源|获客渠道|渠道|来源渠道|source|lead source|contact source|original source|' +
			'source channel'
	],
	[
		'tier',
		'等级|级别|客户等级|客户级别|客户分级|客户分类|重要程度|tier|rating|level|grade|priority|customer level'
	],
	[
		'stage',
		'阶段|客户阶段|生命周期|客户状态|状态|跟进状态|stage|lifecycle stage|lead status|status'
	],
	['tags', '标签|分组|客户标签|tags|tag|labels|categories|group membership|groups'],
	[
		'owner',
		'负责人|客户经理|销售|销售员|业务|业务员|归属人|所属销售|跟进人|owner|contact owner|account owner|' +
			'lead owner|' +
			'record owner|owner name|assigned to'
	],
	['birthday', '生日|出生日期|出生年月|出生年月日|birthday|birthdate|date of birth|dob|birth date'],
	['needs', '需求|客户需求|意向|需求描述|意向产品|needs|requirements|interest|interests'],
	[
		'notes',
		'备注|说明|描述|备注信息|附注|客户备注|notes|note|description|comments|comment|remark|remarks|' +
			'memo'
	]
];

const KEY_NAMES =
	'客户|客户名称|客户名|客户姓名|姓名|名称|联系人|公司|公司名称|customer|customer name|client|client name|' +
	'contact|contact name|name|account name|company|客户手机|手机|手机号|电话|phone|mobile|邮箱|' +
	'email|e-mail';

const INTERACTION: readonly Rule<FieldsOf['interaction']>[] = [
	['customerKey', KEY_NAMES],
	[
		'type',
		'类型|方式|联系方式|沟通方式|跟进方式|拜访方式|跟进类型|type|channel|activity type|method'
	],
	[
		'at',
		'时间|日期|日期时间|联系时间|联络时间|跟进时间|拜访时间|沟通时间|联系日期|联络日期|跟进日期|' +
			'date|time|datetime|when|' +
			'activity date|date time|date and time'
	],
	[
		'durationMinutes',
		'时长|时长分钟|通话时长|分钟|时长min|duration|minutes|duration minutes|durationmin'
	],
	[
		'summary',
		'内容|摘要|记录|跟进内容|沟通内容|拜访内容|跟进记录|联系内容|联络内容|联络记录|' +
			'summary|subject|notes|description|content|' +
			'details'
	],
	['outcome', '结果|跟进结果|沟通结果|拜访结果|outcome|result'],
	['satisfaction', '满意度|评分|客户满意度|satisfaction|rating|score'],
	[
		'nextFollowUp',
		'下次跟进|下次跟进时间|下次跟进日期|下次联系|下次联系时间|下次回访|下次回访时间|next follow up|next followup|' +
			'follow up date|next contact|next step date'
	]
];

const ORDER: readonly Rule<FieldsOf['order']>[] = [
	['customerKey', KEY_NAMES],
	[
		'orderNo',
		'订单号|订单编号|单号|合同号|合同编号|order no|order number|order id|invoice no|invoice number'
	],
	[
		'date',
		'日期|下单日期|订单日期|下单时间|成交日期|购买日期|签约日期|date|order date|purchase date|close date'
	],
	[
		'amount',
		'金额|订单金额|总金额|总价|成交金额|实付金额|合计|合同金额|amount|total|price|order total|order amount'
	],
	['currency', '币种|货币|currency'],
	['product', '产品|商品|产品名称|商品名称|品名|项目|product|item|product name|products'],
	['quantity', '数量|件数|qty|quantity|count'],
	['note', '备注|说明|note|notes|remark|remarks|memo|description']
];

export const RULES: { [T in ImportTarget]: readonly Rule<FieldsOf[T]>[] } = {
	customer: CUSTOMER,
	interaction: INTERACTION,
	order: ORDER
};
