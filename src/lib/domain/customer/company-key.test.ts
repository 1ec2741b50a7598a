import { describe, expect, it } from 'vitest';
import { companyKey, looseKey } from './company-key';

describe('companyKey', () => {
	it('strips city prefixes and legal-form suffixes so variants meet', () => {
		const k = companyKey('某某');
		expect(companyKey('北京某某科技有限公司')).toBe(k);
		expect(companyKey('某某科技')).toBe(k);
		expect(companyKey('上海市某某股份有限公司')).toBe(k);
		expect(companyKey('某某集团')).toBe(k);
		expect(companyKey('广东省某某有限责任公司')).toBe(k);
		expect(companyKey('ＡＣＭＥ Ltd.')).toBe(companyKey('acme'));
		expect(companyKey('Müller & Co')).toBe(companyKey('MÜLLER'));
	});

	it('does not strip a name down to nothing', () => {
		expect(companyKey('公司')).toBe('公司');
		expect(companyKey('北京')).toBe('北京');
		expect(companyKey('')).toBe('');
	});

	it('ignores a branch in brackets, full-width or not', () => {
		expect(companyKey('北京某某科技有限公司（上海分公司）')).toBe(companyKey('某某'));
		expect(companyKey('ACME (Europe) GmbH')).toBe(companyKey('acme'));
	});

	it('keeps different companies apart', () => {
		expect(companyKey('北京某某科技有限公司')).not.toBe(companyKey('北京另家科技有限公司'));
		expect(companyKey('ACME Ltd.')).not.toBe(companyKey('ACNE Ltd.'));
	});
});

describe('looseKey', () => {
	it('folds width and case and drops spaces, punctuation and symbols', () => {
		expect(looseKey(' Ｗａｎｇ, Wei! ')).toBe('wangwei');
		expect(looseKey('张 伟')).toBe('张伟');
		expect(looseKey('O’Brien & Sons')).toBe('obriensons');
	});

	it('keeps what names are made of, and leaves nothing of a blank', () => {
		expect(looseKey('李娜2')).toBe('李娜2');
		expect(looseKey('  ·—  ')).toBe('');
	});
});
