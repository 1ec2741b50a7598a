/** The sample exports in fixtures/ (copies of shared/samples) decode to the right people. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importAll } from './test-helpers';

const fixture = (name: string): Uint8Array =>
	new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

describe('sample: Chinese Excel save (GBK, CRLF, quoted commas and newlines)', async () => {
	const o = await importAll(fixture('excel-zh-gbk.csv'), {}, 512);

	it('is read as GB18030 with commas, and the columns are mapped', () => {
		expect(o.first).toEqual({ kind: 'sniffed', encoding: 'gb18030', delimiter: ',' });
		expect(o.mapping).toEqual([
			'name',
			'contactName',
			'phone',
			'phone',
			'email',
			'city',
			'industry',
			'tier',
			'birthday',
			'notes'
		]);
	});

	it('reads names, phones, emails, tiers, birthdays and quoted notes', () => {
		expect(o.rows[0]).toMatchObject({
			line: 2,
			draft: {
				kind: 'company',
				name: '南京桐雨实业有限公司',
				contact: { name: '徐桐涛' },
				phones: ['+8615047368813'],
				emails: ['user0@example.cn'],
				city: '天津',
				tier: 'C',
				birthday: '1962-01-05',
				notes: '要求"加急"发货'
			}
		});
		expect(o.rows[1]?.draft).toMatchObject({
			name: '武汉嘉涛电子股份有限公司',
			notes: '曾投诉物流延迟\n已解决'
		});
		expect(o.rows.find((r) => r.draft?.name === '苏州玲秀贸易有限公司')?.draft?.notes).toBe(
			'重点客户,需季度回访'
		);
	});

	it('skips the blank line, flags the duplicate row and rejects the row with no name', () => {
		expect(o.last).toMatchObject({
			kind: 'done',
			summary: { rows: 62, accepted: 61, rejected: 1 }
		});
		const dup = o.rows.filter((r) => r.duplicateOfLines.length > 0);
		expect(dup.map((r) => [r.draft?.name, r.duplicateOfLines])).toEqual([
			['苏州燕勇科技有限公司', [{ line: 4, rule: 'same_email' }]]
		]);
		const rejected = o.rows.filter((r) => !r.draft);
		expect(rejected.map((r) => r.issues)).toEqual([
			[{ field: 'name', code: 'name_missing', severity: 'error' }]
		]);
	});
});

describe('sample: Google Contacts (UTF-8, LF, multi-line address)', async () => {
	const o = await importAll(fixture('google-contacts.csv'), {}, 300);

	it('reads 40 people with names, company, Chinese mobiles, emails and addresses', () => {
		expect(o.first).toEqual({ kind: 'sniffed', encoding: 'utf-8', delimiter: ',' });
		expect(o.rows).toHaveLength(40);
		expect(o.rows[0]?.draft).toMatchObject({
			kind: 'person',
			name: 'Anna Müller',
			company: 'Müller & Co',
			emails: ['anna.0@example.com'],
			address: '88 Main St\nSuite 0',
			city: 'Springfield',
			birthday: '1976-03-18',
			tags: ['Clients'],
			contact: { title: 'Buyer' }
		});
		expect(o.rows[0]?.draft?.phones).toContain('+8618514733194');
		expect(o.rows[1]?.draft).toMatchObject({ name: 'Zoë Smith', emails: ['zoë.1@example.com'] });
		expect(o.rows.at(-1)?.draft).toMatchObject({
			name: 'Mary Smith',
			address: '44 Main St\nSuite 39'
		});
	});
});

describe('sample: European Excel (UTF-8 BOM, semicolons)', async () => {
	const o = await importAll(fixture('utf8-bom-semicolon.csv'), {}, 100);

	it('finds the semicolon, keeps the BOM out of the header and reads every row', () => {
		expect(o.first).toEqual({ kind: 'sniffed', encoding: 'utf-8', delimiter: ';' });
		expect(o.headers).toEqual(['Name', 'E-mail', 'Phone', 'Company', 'City', 'Notes']);
		expect(o.rows).toHaveLength(20);
		expect(o.rows[0]?.draft).toMatchObject({
			name: 'Li Zhang',
			emails: ['c0@example.de'],
			phones: ['+49304905885'],
			company: 'Beispiel GmbH',
			city: 'Berlin',
			notes: 'Umsatz 1.234,50 €'
		});
		expect(o.rows.map((r) => r.issues)).toEqual(Array.from({ length: 20 }, () => []));
	});
});

describe('sample: Taiwanese Excel save (Big5, CRLF, Traditional headers)', async () => {
	const o = await importAll(fixture('big5-tw.csv'), {}, 64);

	it('is read as Big5 without a question, and its columns are mapped', () => {
		expect(o.first).toEqual({ kind: 'sniffed', encoding: 'big5', delimiter: ',' });
		expect(o.headers).toEqual(['客戶名稱', '聯絡人', '手機', '電子郵件', '城市', '備註']);
		expect(o.mapping).toEqual(['name', 'contactName', 'phone', 'email', 'city', 'notes']);
	});

	it('reads Traditional names, companies, phones and quoted notes', () => {
		expect(o.rows).toHaveLength(10);
		expect(o.rows[0]?.draft).toMatchObject({
			kind: 'company',
			name: '台灣晶創科技股份有限公司',
			contact: { name: '陳怡君' },
			phones: ['+886912345678'],
			emails: ['yijun.chen@example.tw'],
			city: '新竹市',
			notes: '需要報價單'
		});
		expect(o.rows.at(-1)?.draft).toMatchObject({
			name: '永豐商業銀行',
			notes: '地址：高雄市前鎮區\n成功二路88號'
		});
	});
});

describe('sample: a short file that reads as GB18030 and as Big5', () => {
	it('asks, with a few lines read each way', async () => {
		const o = await importAll(fixture('gbk-or-big5.csv'));
		expect(o.events).toEqual([
			{
				kind: 'ambiguous',
				code: 'encoding_ambiguous',
				byteOffset: 11,
				candidates: [
					{ encoding: 'gb18030', excerpt: '陈家,北港\n何美,北港\n马克,北港' },
					{ encoding: 'big5', excerpt: '麻模,控誠\n睡藝,控誠\n鎮親,控誠' }
				]
			}
		]);
	});
});
