import { describe, expect, it } from 'vitest';
import type { InteractionDraft } from './interaction';
import { daysSince, lastContactOf } from './derive';
import { validateInteractionDraft } from './validate';

const NOW = Date.UTC(2026, 10, 22, 8);
const draft = (p: Partial<InteractionDraft> = {}): InteractionDraft => ({
	customerId: 'c1',
	type: 'call',
	at: NOW - 3_600_000,
	durationMinutes: 15,
	summary: ' Discussed renewal ',
	outcome: '',
	satisfaction: 4,
	nextFollowUp: '2026-12-01',
	ownerId: 'm1',
	...p
});

describe('validateInteractionDraft', () => {
	it('accepts a normal log and trims text', () => {
		expect(validateInteractionDraft(draft(), NOW)).toEqual({
			ok: true,
			value: draft({ summary: 'Discussed renewal' })
		});
	});

	it.each<[Partial<InteractionDraft>, string, string]>([
		[{ customerId: '' }, 'customerId', 'customer_required'],
		[{ type: 'fax' as never }, 'type', 'type_invalid'],
		[{ at: Number.NaN }, 'at', 'at_invalid'],
		[{ at: NOW + 3_600_000 }, 'at', 'at_future'],
		[{ durationMinutes: -5 }, 'durationMinutes', 'duration_invalid'],
		[{ durationMinutes: 1.5 }, 'durationMinutes', 'duration_invalid'],
		[{ summary: '  ' }, 'summary', 'summary_required'],
		[{ summary: 'x'.repeat(5001) }, 'summary', 'summary_too_long'],
		[{ satisfaction: 6 }, 'satisfaction', 'satisfaction_invalid'],
		[{ nextFollowUp: '2026-13-01' }, 'nextFollowUp', 'next_follow_up_invalid'],
		[{ nextFollowUp: '2027-02-29' }, 'nextFollowUp', 'next_follow_up_invalid'],
		[{ nextFollowUp: '2027-1-05' }, 'nextFollowUp', 'next_follow_up_invalid'],
		[{ nextFollowUp: '2026-01-01' }, 'nextFollowUp', 'next_follow_up_past']
	])('%o → %s %s', (patch, field, code) => {
		expect(validateInteractionDraft(draft(patch), NOW)).toEqual({
			ok: false,
			errors: [{ field, code }]
		});
	});

	it('refuses a follow-up date in the first century, which Date.UTC would read as 19xx', () => {
		expect(validateInteractionDraft(draft({ nextFollowUp: '0027-03-01' }), NOW).ok).toBe(false);
	});
});

describe('derive', () => {
	it('computes days since and the last contact, ignoring the trash', () => {
		expect(daysSince(NOW - 3 * 86_400_000 - 1, NOW)).toBe(3);
		expect(daysSince(NOW + 1000, NOW)).toBe(0);
		expect(daysSince(null, NOW)).toBeNull();
		expect(
			lastContactOf([
				{ at: 5, trashedAt: null },
				{ at: 9, trashedAt: 1 },
				{ at: 7, trashedAt: null }
			])
		).toBe(7);
		expect(lastContactOf([])).toBeNull();
	});
});
