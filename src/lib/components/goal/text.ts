import { codeText, errorText } from '$lib/i18n/i18n.svelte';

/** Goal codes → messages; a code without a message shows a generic text, not a raw key. */
export const metricText = (m: string): string =>
	codeText(`goals.metric_${m}`, 'common.error_unknown');
export const paceText = (p: string): string => codeText(`goals.pace_${p}`, 'common.error_unknown');
export const periodText = (k: string): string =>
	codeText(`goals.period_${k}`, 'common.error_unknown');
export const goalStateText = (s: string): string =>
	codeText(`goals.goal_state_${s}`, 'common.error_unknown');

/** A validation code of a goal, or the reason its progress cannot be computed. */
export const goalErrorText = (code: string): string => errorText('goals', code);
