import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from './fields';
import { createCustomerNormalizer, IMPORTED_FIELDS } from './normalize';

const M: ColumnMapping<'customer'> = [
	'name',
	'firstName',
	'lastName',
	'company',
	'kind',
	'phone',
	'phone',
	'email',
	'tier',
	'birthday',
	'tags',
	'notes',
	'contactName',
	'source',
	'stage',
	'owner'
];
const norm = createCustomerNormalizer(M);
/** Cells for a row: each given field fills the first column mapped to it. */
const row = (o: Partial<Record<string, string>>): string[] =>
	M.map((f, i) => (f && M.indexOf(f) === i ? (o[f] ?? '') : ''));

describe('createCustomerNormalizer', () => {
	it('builds a typed draft with normalised phones, emails, dates and enumerations', () => {
		const r = norm(
			row({
				name: ' 张伟 ',
				phone: '138 1234 5678',
				email: 'Zhang.Wei@Example.COM',
				tier: 'A类',
				birthday: '1990年3月8日',
				tags: 'VIP，老客户、VIP',
				source: '展会',
				stage: '已成交',
				owner: '李经理'
			})
		);
		expect(r.issues).toEqual([]);
		expect(r.draft).toMatchObject({
			kind: 'person',
			name: '张伟',
			phones: ['+8613812345678'],
			emails: ['Zhang.Wei@example.com'],
			tier: 'A',
			birthday: '1990-03-08',
			tags: ['VIP', '老客户'],
			source: 'exhibition',
			stage: 'customer',
			ownerName: '李经理',
			contact: null
		});
	});

	it('lets every phone column land, splitting lists and dropping repeats', () => {
		const cells = row({ name: 'A' });
		cells[5] = '13812345678 / 13912345678; 13812345678';
		cells[6] = '010-62345678';
		const r = norm(cells);
		expect(r.draft?.phones).toEqual(['+8613812345678', '+8613912345678', '+861062345678']);
	});

	it('combines first and last names: Chinese without a space, Latin as First Last', () => {
		expect(norm(row({ firstName: '伟', lastName: '张' })).draft?.name).toBe('张伟');
		expect(norm(row({ firstName: 'Anna', lastName: 'Müller' })).draft?.name).toBe('Anna Müller');
		expect(norm(row({ name: 'Full', firstName: 'A', lastName: 'B' })).draft?.name).toBe('Full');
	});

	it('keeps the row but drops a refused phone or email, with the raw text in the warning', () => {
		const r = norm(row({ name: '王芳', phone: '12345', email: 'not-an-email' }));
		expect(r.draft?.phones).toEqual([]);
		expect(r.issues).toEqual([
			{ field: 'phone', code: 'phone_too_short', severity: 'warning', value: '12345' },
			{ field: 'email', code: 'email_invalid', severity: 'warning', value: 'not-an-email' }
		]);
	});

	it('rejects a row with no name, company or contact', () => {
		const r = norm(row({ phone: '13812345678', notes: '空行但有备注' }));
		expect(r.draft).toBeNull();
		expect(r.issues).toContainEqual({ field: 'name', code: 'name_missing', severity: 'error' });
	});

	it('uses the company as the name of a company customer', () => {
		const r = norm(row({ company: '北京某某科技有限公司', contactName: '张伟' }));
		expect(r.draft).toMatchObject({
			kind: 'company',
			name: '北京某某科技有限公司',
			company: '',
			contact: { name: '张伟' }
		});
	});

	it('reads kind from 个人/企业/公司 and infers it otherwise', () => {
		expect(norm(row({ name: 'X', kind: '企业' })).draft?.kind).toBe('company');
		expect(norm(row({ name: 'X', kind: '个人' })).draft?.kind).toBe('person');
		expect(norm(row({ name: '某某贸易有限公司' })).draft?.kind).toBe('company');
		const odd = norm(row({ name: 'X', kind: '外星人' }));
		expect(odd.draft?.kind).toBe('person');
		expect(odd.issues).toContainEqual({
			field: 'kind',
			code: 'kind_unknown',
			severity: 'warning',
			value: '外星人'
		});
	});

	it('warns about unknown tiers and unreadable or ambiguous birthdays', () => {
		const r = norm(row({ name: 'X', tier: '金牌', birthday: '3/4/1990' }));
		expect(r.draft).toMatchObject({ tier: '', birthday: '1990-03-04' });
		expect(r.issues.map((i) => i.code)).toEqual(['date_ambiguous', 'tier_unknown']);
		expect(norm(row({ name: 'X', birthday: '32/13/1990' })).issues[0]?.code).toBe('date_invalid');
	});

	it('defaults the source to import and keeps unknown sources as other (with a warning)', () => {
		// Without a source column, an imported customer's source is "import"…
		const noSource = createCustomerNormalizer(M.map((f) => (f === 'source' ? null : f)));
		expect(noSource(row({ name: 'X' })).draft?.source).toBe('import');
		// …with one, an empty cell stays empty (an exported file imports back as it was).
		expect(norm(row({ name: 'X' })).draft?.source).toBe('');
		const r = norm(row({ name: 'X', source: '飞鸽传书' }));
		expect(r.draft?.source).toBe('other');
		expect(r.issues[0]?.code).toBe('source_unknown');
	});

	it('stores hostile text as plain text and refuses cells over 100,000 characters', () => {
		const r = norm(row({ name: '<script>alert(1)</script>', notes: 'javascript:alert(1)' }));
		expect(r.draft).toMatchObject({
			name: '<script>alert(1)</script>',
			notes: 'javascript:alert(1)'
		});
		const twenty = norm(row({ name: 'Y', notes: '长'.repeat(20_000) }));
		expect(twenty.issues).toEqual([]);
		expect(twenty.draft?.notes).toBe('长'.repeat(20_000));
		const long = norm(row({ name: 'X', notes: 'x'.repeat(100_001) }));
		expect(long.draft).toBeNull();
		expect(long.issues).toEqual([
			{ field: 'notes', code: 'cell_too_long', severity: 'error', column: 12 }
		]);
	});

	it('drops Google system labels and NUL characters', () => {
		const r = norm(row({ name: 'A\u0000B', tags: '* myContacts ::: Clients ::: * starred' }));
		expect(r.draft).toMatchObject({ name: 'AB', tags: ['Clients'] });
	});

	it('says which fields the cells gave a value for: defaults, empty and unreadable cells are not', () => {
		const r = norm(
			row({ name: 'Li Na', phone: '138 0000 0102', tier: '金牌', stage: '', notes: '  ' })
		);
		expect(r.draft).toMatchObject({ kind: 'person', stage: 'lead', source: '', tier: '' });
		expect(r.draft?.fromFile).toEqual(['name', 'phones']);
		const two = createCustomerNormalizer(['name', 'phone'])(['Blue Harbor', '13800000101']);
		expect(two.draft).toMatchObject({ kind: 'person', stage: 'lead', source: 'import' });
		expect(two.draft?.fromFile).toEqual(['name', 'phones']);
	});

	it("counts kind, stage, source and tier as the file's when a cell names them", () => {
		const r = norm(
			row({ name: 'X', kind: '企业', stage: '已成交', source: '飞鸽传书', tier: 'A' })
		);
		expect(r.draft?.fromFile).toEqual(['kind', 'name', 'source', 'tier', 'stage']);
	});

	it('does not count a company standing in for a missing name as a name from the file', () => {
		const r = norm(row({ company: '北京某某科技有限公司', phone: '13812345678' }));
		expect(r.draft).toMatchObject({ name: '北京某某科技有限公司', kind: 'company' });
		expect(r.draft?.fromFile).toEqual(['phones']);
	});

	it('lists every field a draft carries in IMPORTED_FIELDS', () => {
		const notFields = ['ownerName', 'contact', 'fromFile'];
		const keys = Object.keys(norm(row({ name: 'X' })).draft ?? {});
		expect(keys.filter((k) => !notFields.includes(k)).sort()).toEqual([...IMPORTED_FIELDS].sort());
	});
});
