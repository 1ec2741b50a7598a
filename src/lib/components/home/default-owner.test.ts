import { describe, expect, it } from 'vitest';
import { defaultOwner } from './default-owner';

describe('defaultOwner', () => {
	it('is me as soon as I own a customer', () => {
		expect(defaultOwner('me', ['a', 'a', 'me'])).toBe('me');
	});
	it('is the biggest owner when I own none, ties by id', () => {
		expect(defaultOwner('me', ['b', 'a', 'b'])).toBe('b');
		expect(defaultOwner('me', ['b', 'a'])).toBe('a');
	});
	it('is me when there is nobody', () => {
		expect(defaultOwner('me', [])).toBe('me');
	});
});
