import { FEEDBACK_CHANNELS, FEEDBACK_KINDS } from '$lib/domain/feedback/feedback';
import { isOneOf } from '$lib/domain/shared/one-of';
import { errorText, t } from '$lib/i18n/i18n.svelte';

/** Feedback codes → messages; a code outside its set shows a fallback, not a raw key. */
export const channelText = (c: string): string =>
	t(isOneOf(FEEDBACK_CHANNELS, c) ? `feedback.channel_${c}` : 'feedback.channel_other');
export const feedbackKindText = (k: string): string =>
	t(isOneOf(FEEDBACK_KINDS, k) ? `feedback.feedback_kind_${k}` : 'common.error_unknown');

/** A validation code of a satisfaction or NPS answer. */
export const feedbackErrorText = (code: string): string => errorText('feedback', code);
