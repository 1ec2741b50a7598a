import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as V from '../../testing/demo-vocabulary';
import { guessEncoding, readingScore } from './detect-encoding';
import { encodeGb18030 } from './gb18030';
import { encodeBig5, utf8 } from './test-helpers';

const fixture = (name: string): Uint8Array =>
	new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

/** Names, companies, cities and notes as written in Taiwan (Traditional characters). */
const TW = {
	surnames: [
		...'陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周徐蘇葉莊呂江何蕭羅高潘簡朱鍾彭游詹胡施沈余盧梁趙顏柯翁魏孫戴'
	],
	given: [
		'怡君',
		'雅婷',
		'家豪',
		'志明',
		'淑芬',
		'俊傑',
		'建宏',
		'美玲',
		'宗翰',
		'冠宇',
		'佩珊',
		'承恩',
		'詩涵',
		'欣怡',
		'家瑋',
		'品妍',
		'子軒'
	],
	core: [
		'晶創',
		'鴻遠',
		'統達',
		'國華',
		'華欣',
		'長青',
		'大同',
		'中華',
		'遠東',
		'永豐',
		'台新',
		'聯發',
		'廣達',
		'光寶',
		'新光'
	],
	kinds: [
		'科技股份有限公司',
		'實業有限公司',
		'貿易有限公司',
		'電子股份有限公司',
		'企業社',
		'工業股份有限公司',
		'國際有限公司'
	],
	cities: [
		'台北市',
		'新北市',
		'桃園市',
		'台中市',
		'台南市',
		'高雄市',
		'新竹市',
		'基隆市',
		'嘉義市',
		'宜蘭縣',
		'花蓮縣'
	],
	notes: [
		'需要報價單',
		'下週回訪',
		'價格敏感',
		'續約洽談中',
		'重要客戶',
		'已寄樣品',
		'請聯絡採購部',
		'年底前簽約',
		''
	]
};

const CN = {
	surnames: V.SURNAMES,
	given: V.GIVEN,
	core: V.COMPANY_CORE,
	kinds: V.COMPANY_KIND.map((k) => `${k}有限公司`),
	cities: V.CITIES,
	notes: [...V.TAGS.filter((t) => /[\u4e00-\u9fff]/.test(t)), '']
};

type Vocabulary = typeof TW;

/** A customer file of `rows` rows drawn from a vocabulary (English headers: no help from them). */
const customerFile = (v: Vocabulary, rows: number) =>
	fc
		.array(
			fc
				.tuple(
					fc.constantFrom(...v.surnames),
					fc.constantFrom(...v.given),
					fc.constantFrom(...v.core),
					fc.constantFrom(...v.kinds),
					fc.constantFrom(...v.cities),
					fc.constantFrom(...v.notes)
				)
				.map(([s, g, c, k, city, note]) => `${s}${g},${c}${k},${city},${note}`),
			{ minLength: rows, maxLength: rows }
		)
		.map((lines) => ['Name,Company,City,Notes', ...lines].join('\r\n') + '\r\n');

describe('readingScore', () => {
	it('is high for the encoding a file is in and low for the other', () => {
		const gbk = fixture('excel-zh-gbk.csv');
		const big5 = fixture('big5-tw.csv');
		expect(readingScore(gbk, 'gb18030')).toBeGreaterThan(0.9);
		expect(readingScore(gbk, 'big5')).toBeLessThan(0.2);
		expect(readingScore(big5, 'big5')).toBeGreaterThan(0.9);
		expect(readingScore(big5, 'gb18030')).toBeLessThan(0.2);
	});

	it('is 0 for ASCII and counts an unreadable sequence as uncommon', () => {
		expect(readingScore(utf8('Name,City\nAnna,Berlin\n'), 'big5')).toBe(0);
		// 0x81 0x30 starts no Big5 character; 中 (A4 A4) does.
		expect(readingScore(new Uint8Array([0x81, 0x30, 0xa4, 0xa4]), 'big5')).toBe(0.5);
	});
});

describe('guessEncoding', () => {
	it('reads Simplified Chinese files as GB18030 and Traditional ones as Big5 (property)', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 8, max: 40 }).chain((n) => customerFile(CN, n)),
				(text) => {
					expect(guessEncoding(encodeGb18030(text))).toEqual({ ok: true, encoding: 'gb18030' });
				}
			),
			{ numRuns: 300 }
		);
		fc.assert(
			fc.property(
				fc.integer({ min: 8, max: 40 }).chain((n) => customerFile(TW, n)),
				(text) => {
					expect(guessEncoding(encodeBig5(text))).toEqual({ ok: true, encoding: 'big5' });
				}
			),
			{ numRuns: 300 }
		);
	});

	it('never takes the other Chinese encoding silently, however short the file (property)', () => {
		let asked = 0;
		const check = (bytes: Uint8Array, wrong: string) => {
			const g = guessEncoding(bytes);
			if (!g.ok) asked++;
			expect(g.ok && g.encoding === wrong).toBe(false);
		};
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 3 }).chain((n) => customerFile(CN, n)),
				(text) => check(encodeGb18030(text), 'big5')
			),
			{ numRuns: 500 }
		);
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 3 }).chain((n) => customerFile(TW, n)),
				(text) => check(encodeBig5(text), 'gb18030')
			),
			{ numRuns: 500 }
		);
		// Most short files are still decided; the question is for the few that read well both ways.
		expect(asked).toBeLessThan(100);
	});

	it('decides a single name', () => {
		expect(guessEncoding(encodeBig5('姓名\r\n張三\r\n'))).toEqual({ ok: true, encoding: 'big5' });
		expect(guessEncoding(encodeGb18030('姓名\r\n张三\r\n'))).toEqual({
			ok: true,
			encoding: 'gb18030'
		});
	});

	it('asks when both readings are plausible, the better first, from the first non-ASCII byte', () => {
		expect(guessEncoding(fixture('gbk-or-big5.csv'))).toEqual({
			ok: false,
			byteOffset: 11,
			candidates: ['gb18030', 'big5']
		});
	});

	it('takes valid UTF-8 as UTF-8, Chinese or not', () => {
		expect(guessEncoding(utf8('客戶名稱,城市\n陳怡君,台北市\n'))).toEqual({
			ok: true,
			encoding: 'utf-8'
		});
	});

	it('asks about Latin-1 text, Windows-1252 first, never reading it as Chinese', () => {
		const g = guessEncoding(
			new Uint8Array([...utf8('Name;City\nM'), 0xfc, ...utf8('ller;K'), 0xf6, ...utf8('ln\n')])
		);
		expect(g).toMatchObject({ ok: false, candidates: ['windows-1252', 'gb18030'] });
	});
});
