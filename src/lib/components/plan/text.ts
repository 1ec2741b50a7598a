import { codeText, errorText } from '$lib/i18n/i18n.svelte';

/** Plan codes → messages; a code without a message shows a generic text, not a raw key. */
export const measureText = (m: string): string =>
	codeText(`plan.measure_${m}`, 'common.error_unknown');
export const spanText = (s: string): string => codeText(`plan.span_${s}`, 'common.error_unknown');
export const reportStateText = (s: string): string =>
	codeText(`plan.state_${s}`, 'common.error_unknown');

/** A validation code of a work plan, a daily report or a checklist. */
export const planErrorText = (code: string): string => errorText('plan', code);

/** "18:00" for a number of minutes after midnight. */
export function clockText(minutes: number): string {
	const h = Math.floor(minutes / 60);
	const m = minutes % 60;
	return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}
