import { describe, expect, it } from 'vitest';
import { ValidationFailed } from '$lib/db/errors';
import { refusalText } from './save-failure';

describe('refusalText', () => {
	const words = (code: string) => `said: ${code}`;

	it("puts a refusal's first code in the record's own words", () => {
		const e = new ValidationFailed([
			{ field: 'end', code: 'period_invalid' },
			{ field: 'title', code: 'title_required' }
		]);
		expect(refusalText(e, words)).toBe('said: period_invalid');
	});

	it('says something generic for any other failure, never the raw error', () => {
		expect(refusalText(new Error('QuotaExceededError'), words)).not.toContain('Quota');
		expect(refusalText(new ValidationFailed([]), words)).not.toContain('said:');
	});
});
