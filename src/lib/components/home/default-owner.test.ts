import { describe, expect, it } from 'vitest';
import { countByOwner } from '$lib/domain/customer/owner-counts';
import { defaultOwner } from './default-owner';

const owners = (...ids: string[]) => countByOwner(ids.map((ownerId) => ({ ownerId })));

describe('defaultOwner', () => {
	it('is me as soon as I own a customer', () => {
		expect(defaultOwner('me', owners('a', 'a', 'me'))).toBe('me');
	});
	it('is the biggest owner when I own none, ties by id', () => {
		expect(defaultOwner('me', owners('b', 'a', 'b'))).toBe('b');
		expect(defaultOwner('me', owners('b', 'a'))).toBe('a');
	});
	it('is me when there is nobody', () => {
		expect(defaultOwner('me', owners())).toBe('me');
	});
});
