/**
 * Comparison keys for names and companies, so that 北京某某科技有限公司, 某某科技 and 某某 (and
 * "ACME Ltd." / "acme") count as the same company. Keys are for matching only, never shown.
 */

/** Full-width to half-width, lower case, no spaces or punctuation. */
export function looseKey(s: string): string {
	// NFKC only when needed: it is the slow part, and most names are already half-width.
	const n = /[^\x20-\x7e\u4e00-\u9fff]/.test(s) ? s.normalize('NFKC') : s;
	return n.toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
}

// Longest first, so 股份有限公司 is removed whole rather than leaving 股份.
const ZH_SUFFIX =
	/(股份有限公司|有限责任公司|集团有限公司|有限公司|分公司|总公司|集团|公司|股份|科技|技术|实业|贸易|商贸|网络|信息|电子|工作室|厂)$/;

/** English legal forms, as whole words at the end ("Müller & Co", "ACME Ltd."). */
const EN_SUFFIX =
	/[\s,.&]*\b(co|company|corp|corporation|inc|incorporated|ltd|limited|llc|gmbh|plc|ag|sa|group|holdings)\.?\s*$/;

// Municipalities, provincial capitals and other cities that commonly prefix company names.
const CITY =
	/^(北京|上海|天津|重庆|深圳|广州|杭州|南京|苏州|成都|武汉|西安|长沙|郑州|济南|青岛|厦门|福州|宁波|无锡|合肥|南昌|昆明|贵阳|南宁|海口|石家庄|太原|沈阳|大连|长春|哈尔滨|呼和浩特|兰州|西宁|银川|乌鲁木齐|拉萨|东莞|佛山|珠海|中山|温州|绍兴|嘉兴|常州|南通|徐州|烟台|香港|澳门|台北|中国)市?/;
const PROVINCE =
	/^(广东|浙江|江苏|山东|福建|河北|河南|湖北|湖南|四川|安徽|江西|云南|贵州|广西|海南|山西|陕西|辽宁|吉林|黑龙江|内蒙古|甘肃|青海|宁夏|新疆|西藏)省?/;

/**
 * Keys already computed: a large file names the same companies on many rows, and the suffix
 * patterns are the costliest part of an import's duplicate check. Bounded (cleared when full).
 */
const MEMO_MAX = 50_000;
const memo = new Map<string, string>();

/** Company name → matching key: no city/province prefix, no legal-form or trade suffixes. */
export function companyKey(name: string): string {
	let k = memo.get(name);
	if (k === undefined) {
		k = computeCompanyKey(name);
		if (memo.size >= MEMO_MAX) memo.clear();
		memo.set(name, k);
	}
	return k;
}

function computeCompanyKey(name: string): string {
	let s = name
		.normalize('NFKC')
		.toLowerCase()
		.replace(/\([^)]*\)/g, ' ');
	if (/[a-z]/.test(s)) {
		for (let prev = ''; prev !== s;) {
			prev = s;
			const cut = s.replace(EN_SUFFIX, '');
			if (looseKey(cut)) s = cut;
		}
	}
	let k = looseKey(s);
	for (const prefix of [PROVINCE, CITY]) {
		const m = prefix.exec(k);
		if (m && k.length > m[0].length + 1) k = k.slice(m[0].length);
	}
	for (let m = ZH_SUFFIX.exec(k); m && k.length > m[0].length + 1; m = ZH_SUFFIX.exec(k))
		k = k.slice(0, -m[0].length);
	return k;
}
