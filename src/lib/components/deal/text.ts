import { errorText, hasMessage, t, type MessageKey } from '$lib/i18n/i18n.svelte';

/** A deal stage: the translated name of a default stage, or the name a team gave its own. */
export function stageName(key: string, labels: Readonly<Record<string, string>> = {}): string {
	const named = `deals.stage_${key}`;
	return labels[key] || (hasMessage(named) ? t(named as MessageKey) : key);
}

/** A validation code of a deal, of moving it, or of the stage settings. */
export const dealErrorText = (code: string): string => errorText('deals', code);
