/**
 * Free-text cells to the app's enumerations. Unknown values are reported (the caller decides
 * whether that is a warning) rather than silently turned into a default.
 */
import type {
	CustomerKind,
	LifecycleStage,
	SourceChannel,
	Tier
} from '../../domain/customer/customer';
import type { InteractionType } from '../../domain/interaction/interaction';

type Table<T> = readonly [T, RegExp][];

function pick<T>(table: Table<T>, raw: string): T | null {
	const s = (/[\uff00-\uffef]/.test(raw) ? raw.normalize('NFKC') : raw).trim().toLowerCase();
	for (const [value, re] of table) if (re.test(s)) return value;
	return null;
}

/** A/B/C, a/b/c, A类, A级, A级客户, 1/2/3, 重要/普通/一般, VIP, ★★★. */
const TIER: Table<Tier> = [
	[
		'A',
		/^(a|1|一|甲|vip|svip|ka|重要|核心|重点|大客户|优质|高|hot|high|★★★)\s*(类|级|等)?\s*(客户)?$/
	],
	['B', /^(b|2|二|乙|普通|一般|中|中等|warm|medium|★★)\s*(类|级|等)?\s*(客户)?$/],
	['C', /^(c|3|三|丙|低|次要|潜在|小客户|cold|low|★)\s*(类|级|等)?\s*(客户)?$/]
];
export const parseTier = (raw: string): Tier | null => pick(TIER, raw);

const KIND: Table<CustomerKind> = [
	['person', /^(个人|个人客户|自然人|私人|person|individual|personal|private|consumer|b2c)$/],
	[
		'company',
		/^(企业|公司|单位|机构|组织|企业客户|公司客户|法人|company|business|organi[sz]ation|corporate|enterprise|account|b2b)$/
	]
];
export const parseKind = (raw: string): CustomerKind | null => pick(KIND, raw);

const STAGE: Table<LifecycleStage> = [
	['lead', /^(线索|新线索|lead|new|subscriber|new lead)$/],
	[
		'prospect',
		/^(潜在|潜在客户|意向|意向客户|商机|跟进中|prospect|opportunity|marketing qualified lead|sales qualified lead|mql|sql|qualified|contacted|working|open)$/
	],
	['customer', /^(客户|成交|成交客户|已成交|签约|签约客户|customer|won|closed won)$/],
	['loyal', /^(老客户|忠诚|忠诚客户|复购|回头客|vip客户|loyal|evangelist|repeat)$/],
	['churned', /^(流失|流失客户|已流失|沉睡|churned|lost|closed lost|inactive|unqualified)$/]
];
export const parseStage = (raw: string): LifecycleStage | null => pick(STAGE, raw);

const SOURCE: Table<SourceChannel> = [
	['referral', /(转介绍|介绍|推荐|老客户|referral|referred|word of mouth)/],
	['website', /(官网|网站|网页|线上|在线|website|web|online|seo|organic)/],
	['exhibition', /(展会|会展|展览|trade ?show|exhibition|fair|expo|event)/],
	['cold_call', /(陌拜|陌生拜访|电话|电销|外呼|cold ?call|call|phone)/],
	['social', /(微信|抖音|小红书|微博|社交|朋友圈|公众号|social|wechat|linkedin|facebook|twitter)/],
	['partner', /(合作|伙伴|渠道|代理|经销|partner|channel|reseller|agent)/],
	['import', /^(导入|import)$/],
	['other', /^(其他|其它|other|others)$/]
];
export const parseSource = (raw: string): SourceChannel | null => pick(SOURCE, raw);

const INTERACTION_TYPE: Table<InteractionType> = [
	['call', /(电话|通话|致电|来电|call|phone)/],
	['visit', /(拜访|上门|面访|visit)/],
	['email', /(邮件|邮箱|e-?mail)/],
	['wechat', /(微信|wechat|weixin)/],
	['meeting', /(会议|会面|见面|面谈|meeting|meet)/],
	['training', /(培训|training)/],
	['care', /(关怀|问候|祝福|回访|care)/],
	['other', /^(其他|其它|other)$/]
];
export const parseInteractionType = (raw: string): InteractionType | null =>
	pick(INTERACTION_TYPE, raw);
