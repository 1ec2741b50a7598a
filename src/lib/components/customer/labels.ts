import {
	CUSTOMER_KINDS,
	LIFECYCLE_STAGES,
	SOURCE_CHANNELS,
	TIERS
} from '$lib/domain/customer/customer';
import { isOneOf } from '$lib/domain/shared/one-of';
import { hasMessage, t } from '$lib/i18n/i18n.svelte';

/**
 * Domain code → message. A code of a closed set builds its key from the set's type, so the type
 * checker asks for a message when the set gains a code; a value outside the set (a newer
 * version's, a damaged record's) falls back to a generic message instead of showing a raw key.
 */

/** A validation code: open, since a repository may throw any; unknown ones get the generic one. */
export function customerErrorText(code: string): string {
	const key = `customers.error_${code}`;
	return t(hasMessage(key) ? key : 'customers.error_unknown');
}

export const tierText = (tier: string): string =>
	t(isOneOf(TIERS, tier) ? `customers.tier_${tier}` : 'customers.tier_none');

export const stageText = (stage: string): string =>
	t(isOneOf(LIFECYCLE_STAGES, stage) ? `customers.stage_${stage}` : 'customers.no_value');

export const kindText = (kind: string): string =>
	t(isOneOf(CUSTOMER_KINDS, kind) ? `customers.kind_${kind}` : 'customers.no_value');

export const sourceText = (source: string): string =>
	t(isOneOf(SOURCE_CHANNELS, source) ? `customers.source_${source}` : 'customers.source_none');
