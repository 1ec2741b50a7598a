import { codeText, errorText } from '$lib/i18n/i18n.svelte';

/** Training codes → messages; a code without a message shows a generic text, not a raw key. */
export const courseKindText = (k: string): string =>
	codeText(`training.kind_${k}`, 'common.error_unknown');
export const trainingResultText = (r: string): string =>
	codeText(`training.result_${r}`, 'common.error_unknown');
export const trainingPeriodText = (k: string): string =>
	codeText(`training.period_${k}`, 'common.error_unknown');

/** A validation code of a course, a training record or a training plan. */
export const trainingErrorText = (code: string): string => errorText('training', code);
