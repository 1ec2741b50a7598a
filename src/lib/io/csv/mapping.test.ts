import { describe, expect, it } from 'vitest';
import type { ImportTarget } from './fields';
import { fieldForHeader, headerSignature, sanitizeMapping, suggestMapping } from './mapping';

/** `expected` lists one field per column, `-` for an ignored column. */
function expectMapping(headers: string[], target: ImportTarget, expected: string): void {
	const want = expected.split(/\s+/).map((f) => (f === '-' ? null : f));
	expect(suggestMapping(headers, target)).toEqual(want);
}

describe('suggestMapping: customers', () => {
	it('maps a Chinese Excel sheet (every phone column lands)', () => {
		expectMapping(
			[
				'客户名称',
				'联系人',
				'手机',
				'固定电话',
				'电子邮箱',
				'所在城市',
				'行业',
				'客户等级',
				'生日',
				'备注'
			],
			'customer',
			'name contactName phone phone email city industry tier birthday notes'
		);
	});

	it('maps Google Contacts (new layout), ignoring label columns', () => {
		const h =
			'First Name|Middle Name|Last Name|Organization Name|Organization Title|Birthday|Notes|Labels|E-mail 1 - Label|E-mail 1 - Value|E-mail 2 - Value|Phone 1 - Label|Phone 1 - Value|Phone 2 - Value|Address 1 - Formatted|Address 1 - City';
		expectMapping(
			h.split('|'),
			'customer',
			'firstName - lastName company contactTitle birthday notes tags - email email - phone phone address city'
		);
	});

	it('maps Google Contacts (old layout)', () => {
		const h =
			'Name|Given Name|Family Name|Group Membership|E-mail 1 - Type|E-mail 1 - Value|Phone 1 - Type|Phone 1 - Value|Organization 1 - Name|Organization 1 - Title';
		expectMapping(
			h.split('|'),
			'customer',
			'name firstName lastName tags - email - phone company contactTitle'
		);
	});

	it('maps Outlook', () => {
		const h =
			'First Name|Last Name|Company|Job Title|Business Street|Business City|Business Phone|Home Phone|Mobile Phone|Business Fax|E-mail Address|E-mail 2 Address|Categories|Notes|Birthday';
		expectMapping(
			h.split('|'),
			'customer',
			'firstName lastName company contactTitle address city phone phone phone - email email tags notes birthday'
		);
	});

	it('maps HubSpot and Salesforce', () => {
		expectMapping(
			[
				'First Name',
				'Last Name',
				'Email',
				'Phone Number',
				'Company Name',
				'Lifecycle Stage',
				'Contact owner'
			],
			'customer',
			'firstName lastName email phone company stage owner'
		);
		const sf =
			'First Name|Last Name|Account Name|Title|Mobile|Phone|Email|Mailing City|Lead Source|Birthdate|Description';
		expectMapping(
			sf.split('|'),
			'customer',
			'firstName lastName company contactTitle phone phone email city source birthday notes'
		);
	});

	it('maps Zoho CRM accounts and contacts; a lone Account Name becomes the name', () => {
		expectMapping(
			['Account Name', 'Phone', 'Industry', 'Account Owner', 'Rating', 'Billing City'],
			'customer',
			'name phone industry owner tier city'
		);
		expectMapping(
			['Contact Name', 'Account Name', 'Mobile', 'Email'],
			'customer',
			'name company phone email'
		);
	});

	it('maps Fxiaoke (纷享销客) and promotes 联系人 when there is no name column', () => {
		expectMapping(
			['客户名称', '联系人', '手机', '客户级别', '负责人', '客户来源', '标签'],
			'customer',
			'name contactName phone tier owner source tags'
		);
		expectMapping(['联系人', '手机'], 'customer', 'name phone');
	});

	it('maps a single-valued field only once', () => {
		expectMapping(['姓名', '名称', '城市', '所在城市'], 'customer', 'name - city -');
	});

	it('reads Traditional headers as their Simplified spellings (Big5 files from Taiwan)', () => {
		expectMapping(
			['客戶名稱', '聯絡人', '行動電話', '電子郵件', '縣市', '產業', '客戶等級', '業務', '備註'],
			'customer',
			'name contactName phone email city industry tier owner notes'
		);
		expectMapping(
			['客戶', '聯絡時間', '聯絡內容', '訂單編號'],
			'interaction',
			'customerKey at summary -'
		);
	});

	it('recognises numbered and spaced variants, full-width included', () => {
		expect(fieldForHeader('手机2', 'customer')).toBe('phone');
		expect(fieldForHeader(' ＥＭＡＩＬ ', 'customer')).toBe('email');
		expect(fieldForHeader('微信号', 'customer')).toBe('wechat');
		expect(fieldForHeader('__proto__', 'customer')).toBeNull();
		expect(fieldForHeader('constructor', 'customer')).toBeNull();
	});
});

describe('suggestMapping: interactions and orders', () => {
	it('maps an interaction log', () => {
		expectMapping(
			[
				'客户名称',
				'跟进方式',
				'跟进时间',
				'通话时长',
				'跟进内容',
				'跟进结果',
				'满意度',
				'下次跟进时间'
			],
			'interaction',
			'customerKey type at durationMinutes summary outcome satisfaction nextFollowUp'
		);
	});

	it('maps an order list', () => {
		expectMapping(
			['Customer', 'Order No', 'Order Date', 'Amount', 'Currency', 'Product', 'Qty', 'Remark'],
			'order',
			'customerKey orderNo date amount currency product quantity note'
		);
	});
});

describe('sanitizeMapping', () => {
	it('drops unknown fields, repeated single fields and fits the width', () => {
		expect(sanitizeMapping(['name', 'bogus', 'name', 'phone', 'phone'], 6, 'customer')).toEqual([
			'name',
			null,
			null,
			'phone',
			'phone',
			null
		]);
	});
});

describe('headerSignature', () => {
	it('is stable across case, width and spacing but not column order', () => {
		const a = headerSignature(['Name', 'E-mail', 'Phone']);
		expect(headerSignature([' name ', 'E-MAIL', 'Ｐｈｏｎｅ'])).toBe(a);
		expect(headerSignature(['E-mail', 'Name', 'Phone'])).not.toBe(a);
		expect(a).toMatch(/^h1-3-[0-9a-f]{8}$/);
	});
});
