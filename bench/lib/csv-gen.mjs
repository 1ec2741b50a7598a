// CSV files for the import suite, written in Node: realistic Chinese and English customers, about
// 140 bytes a row in UTF-8, every row different (unique phone and email) so that an import into
// an empty database creates them all. Files are cached in $TMPDIR/rapport-bench-csv/.
import { createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const DIR = path.join(os.tmpdir(), 'rapport-bench-csv');
const SURNAMES =
	'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = [
	'伟',
	'芳',
	'娜',
	'秀英',
	'敏',
	'静',
	'丽',
	'强',
	'磊',
	'军',
	'洋',
	'勇',
	'艳',
	'杰',
	'娟',
	'涛',
	'明',
	'超',
	'秀兰',
	'霞',
	'平',
	'刚',
	'桂英',
	'建华',
	'文',
	'华',
	'红',
	'志强',
	'晓东',
	'海燕'
];
const EN_FIRST = [
	'James',
	'Mary',
	'John',
	'Linda',
	'David',
	'Susan',
	'Michael',
	'Karen',
	'Peter',
	'Anna',
	'Tom',
	'Emma'
];
const EN_LAST = [
	'Smith',
	'Brown',
	'Wilson',
	'Taylor',
	'Clark',
	'Walker',
	'Wright',
	'Green',
	'Baker',
	'Hill'
];
const CITIES = [
	'北京',
	'上海',
	'广州',
	'深圳',
	'杭州',
	'成都',
	'武汉',
	'南京',
	'西安',
	'苏州',
	'天津',
	'重庆'
];
const CORE = [
	'华信',
	'远航',
	'东方',
	'新锐',
	'恒通',
	'宏达',
	'瑞丰',
	'天成',
	'博雅',
	'中科',
	'金桥',
	'联创'
];
const KIND = ['科技', '贸易', '制造', '物流', '电子', '医疗', '教育', '建材'];
const INDUSTRIES = [
	'制造业',
	'零售',
	'金融',
	'教育',
	'医疗',
	'物流',
	'互联网',
	'Manufacturing',
	'Retail'
];
const TIERS = ['A', 'B', 'B', 'C', 'C', 'C'];
const NOTES = [
	'关注交付周期',
	'需要年度维保方案',
	'Wants volume pricing',
	'计划扩产',
	'',
	'',
	'老客户转介绍'
];
const HEADER = '姓名,公司,手机,邮箱,微信,地址,城市,行业,客户等级,备注';
const DISTRICTS = ['朝阳区', '浦东新区', '天河区', '南山区', '西湖区', '武侯区', '江汉区'];
const MOBILE = ['138', '139', '186', '159', '150', '136', '188'];

/** A small seeded PRNG (mulberry32): the same file every time. */
function rng(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function row(n, r) {
	const pick = (xs) => xs[Math.floor(r() * xs.length)];
	const english = r() < 0.15;
	const name = english
		? `${pick(EN_FIRST)} ${pick(EN_LAST)}`
		: SURNAMES[Math.floor(r() * SURNAMES.length)] + pick(GIVEN);
	const city = pick(CITIES);
	const company = english
		? `${pick(EN_LAST)} Trading Ltd`
		: `${city}${pick(CORE)}${pick(KIND)}有限公司`;
	// Unique per row: the row number in the mobile's last eight digits and in the email.
	const phone = `${MOBILE[n % MOBILE.length]}${String(n).padStart(8, '0')}`;
	const email = `${english ? name.split(' ')[0].toLowerCase() : 'kh'}.${n}@example.com`;
	const note = pick(NOTES);
	const wechat = r() < 0.5 ? `wx_${n.toString(36)}` : '';
	const address = `${city}市${pick(DISTRICTS)}${1 + Math.floor(r() * 999)}号`;
	return `${name},${company},${phone},${email},${wechat},${address},${city},${pick(INDUSTRIES)},${pick(TIERS)},${note}`;
}

/** The path of a CSV of `rows` customers (UTF-8 with BOM, CRLF), written if missing. */
export async function csvFile(rows) {
	mkdirSync(DIR, { recursive: true });
	const file = path.join(DIR, `customers-${rows}.csv`);
	if (existsSync(file)) return { file, bytes: statSync(file).size };
	const tmp = `${file}.part`;
	const out = createWriteStream(tmp);
	const r = rng(rows);
	const write = (s) => (out.write(s) ? null : new Promise((ok) => out.once('drain', ok)));
	await write(`\ufeff${HEADER}\r\n`);
	let chunk = '';
	for (let n = 0; n < rows; n++) {
		chunk += row(n, r) + '\r\n';
		if (chunk.length > 1 << 16) {
			await write(chunk);
			chunk = '';
		}
	}
	await write(chunk);
	await new Promise((ok, fail) => out.end((e) => (e ? fail(e) : ok())));
	renameSync(tmp, file);
	return { file, bytes: statSync(file).size };
}
