import { codeText, errorText } from '$lib/i18n/i18n.svelte';

/** Feedback codes → messages; a code without a message shows a fallback, not a raw key. */
export const channelText = (c: string): string =>
	codeText(`feedback.channel_${c}`, 'feedback.channel_other');
export const feedbackKindText = (k: string): string =>
	codeText(`feedback.feedback_kind_${k}`, 'common.error_unknown');

/** A validation code of a satisfaction or NPS answer. */
export const feedbackErrorText = (code: string): string => errorText('feedback', code);
