import { describe, expect, it } from 'vitest';
import { parseNumberInput } from './number-input';

describe('a number typed into a form', () => {
	it('reads digits, decimals with a point or a comma, and negatives', () => {
		expect(parseNumberInput(' 1.5 ')).toBe(1.5);
		expect(parseNumberInput('2,25')).toBe(2.25);
		expect(parseNumberInput('-3')).toBe(-3);
	});
	it('reads an empty field or text as not a number, never zero', () => {
		expect(parseNumberInput('')).toBeNaN();
		expect(parseNumberInput('   ')).toBeNaN();
		expect(parseNumberInput('two')).toBeNaN();
	});
});
