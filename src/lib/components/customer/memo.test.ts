import { describe, expect, it } from 'vitest';
import { memo } from './memo';

describe('memo', () => {
	it('calls f once per argument, undefined results included', () => {
		const calls: string[] = [];
		const m = memo((k: string) => {
			calls.push(k);
			return k === 'none' ? undefined : k.toUpperCase();
		});
		expect([m('a'), m('b'), m('a'), m('none'), m('none')]).toEqual([
			'A',
			'B',
			'A',
			undefined,
			undefined
		]);
		expect(calls).toEqual(['a', 'b', 'none']);
	});
});
