import { errorText, hasMessage, t } from '$lib/i18n/i18n.svelte';

/**
 * A deal stage: the translated name of a default stage, or the name a team gave its own. A team
 * may add stages, so the key is an open code: found in the table or shown as named.
 */
export function stageName(key: string, labels: Readonly<Record<string, string>> = {}): string {
	const named = `deals.stage_${key}`;
	return labels[key] || (hasMessage(named) ? t(named) : key);
}

/** A validation code of a deal, of moving it, or of the stage settings. */
export const dealErrorText = (code: string): string => errorText('deals', code);
