import { describe, expect, it } from 'vitest';
import { splitTags } from './tags';

describe('splitTags', () => {
	it('splits on ASCII and full-width separators, trims and dedupes', () => {
		expect(splitTags(' vip, 老客户，b2b、vip ;; ')).toEqual(['vip', '老客户', 'b2b']);
	});
	it('returns no tags for blank text', () => {
		expect(splitTags('  ,， ')).toEqual([]);
		expect(splitTags('')).toEqual([]);
	});
});
