import { INTERACTION_TYPES } from '$lib/domain/interaction/interaction';
import { isOneOf } from '$lib/domain/shared/one-of';
import { hasMessage, t } from '$lib/i18n/i18n.svelte';

/** A contact type; one outside the set (a newer version's) shows as "Other". */
export const interactionTypeText = (type: string): string =>
	t(isOneOf(INTERACTION_TYPES, type) ? `interactions.type_${type}` : 'interactions.type_other');

/** A validation code: open, since a repository may throw any; unknown ones get the generic one. */
export function interactionErrorText(code: string): string {
	const key = `interactions.error_${code}`;
	return t(hasMessage(key) ? key : 'interactions.error_unknown');
}
