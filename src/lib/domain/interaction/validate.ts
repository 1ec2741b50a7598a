import { DAY_MS, MINUTE_MS, parseIsoDate } from '../shared/dates';
import type { FieldError, Result } from '../shared/types';
import { INTERACTION_TYPES, type InteractionDraft } from './interaction';

export type InteractionError =
	| 'customer_required'
	| 'type_invalid'
	| 'at_invalid'
	| 'at_future'
	| 'duration_invalid'
	| 'summary_required'
	| 'summary_too_long'
	| 'field_too_long'
	| 'satisfaction_invalid'
	| 'next_follow_up_invalid'
	| 'next_follow_up_past';

/** A contact is logged after it happened; a few minutes of clock difference are tolerated. */
const FUTURE_TOLERANCE_MS = 5 * MINUTE_MS;
const SUMMARY_MAX = 5_000;
/** Durations over 24 hours are typing errors (a training day is still under 1440 minutes). */
const DURATION_MAX = 24 * 60;

export function validateInteractionDraft(
	d: InteractionDraft,
	now: number
): Result<InteractionDraft, InteractionError> {
	const errors: FieldError<InteractionError>[] = [];
	if (!d.customerId) errors.push({ field: 'customerId', code: 'customer_required' });
	if (!(INTERACTION_TYPES as readonly string[]).includes(d.type))
		errors.push({ field: 'type', code: 'type_invalid' });
	if (!Number.isFinite(d.at)) errors.push({ field: 'at', code: 'at_invalid' });
	else if (d.at > now + FUTURE_TOLERANCE_MS) errors.push({ field: 'at', code: 'at_future' });
	if (
		d.durationMinutes !== null &&
		(!Number.isInteger(d.durationMinutes) ||
			d.durationMinutes < 0 ||
			d.durationMinutes > DURATION_MAX)
	)
		errors.push({ field: 'durationMinutes', code: 'duration_invalid' });
	const summary = d.summary.trim();
	if (!summary) errors.push({ field: 'summary', code: 'summary_required' });
	else if (summary.length > SUMMARY_MAX)
		errors.push({ field: 'summary', code: 'summary_too_long' });
	const outcome = d.outcome.trim();
	if (outcome.length > SUMMARY_MAX) errors.push({ field: 'outcome', code: 'field_too_long' });
	if (
		d.satisfaction !== null &&
		(!Number.isInteger(d.satisfaction) || d.satisfaction < 1 || d.satisfaction > 5)
	)
		errors.push({ field: 'satisfaction', code: 'satisfaction_invalid' });
	if (d.nextFollowUp !== null) {
		if (parseIsoDate(d.nextFollowUp) === null)
			errors.push({ field: 'nextFollowUp', code: 'next_follow_up_invalid' });
		// Compared a day loosely: the date is the user's local date, `now` is UTC.
		else if (Date.parse(`${d.nextFollowUp}T00:00:00Z`) < now - 2 * DAY_MS)
			errors.push({ field: 'nextFollowUp', code: 'next_follow_up_past' });
	}
	if (errors.length) return { ok: false, errors };
	return { ok: true, value: { ...d, summary, outcome } };
}
