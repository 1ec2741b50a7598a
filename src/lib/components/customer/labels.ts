import { hasMessage, t, type MessageKey } from '$lib/i18n/i18n.svelte';

/**
 * Domain code → message, for keys built from codes (`customers.stage_${stage}` …). A code with
 * no message falls back to a generic one instead of showing a raw key.
 */
function coded(
	ns: 'customers' | 'interactions',
	prefix: string,
	code: string,
	fallback: string
): string {
	const key = `${prefix}${code}`;
	return t(`${ns}.${hasMessage(`${ns}.${key}`) ? key : fallback}` as MessageKey);
}

export const customerErrorText = (code: string): string =>
	coded('customers', 'error_', code, 'error_unknown');

export const interactionErrorText = (code: string): string =>
	coded('interactions', 'error_', code, 'error_unknown');

export const tierText = (tier: string): string =>
	coded('customers', 'tier_', tier || 'none', 'tier_none');

export const stageText = (stage: string): string => coded('customers', 'stage_', stage, 'no_value');

export const kindText = (kind: string): string => coded('customers', 'kind_', kind, 'no_value');

export const sourceText = (source: string): string =>
	coded('customers', 'source_', source || 'none', 'source_none');

export const interactionTypeText = (type: string): string =>
	coded('interactions', 'type_', type, 'type_other');

/** `${base}_one` / `${base}_other` by count (en plural; zh uses the same text twice). */
export function plural(base: string, count: number, params: Record<string, string | number>) {
	return t(`${base}_${count === 1 ? 'one' : 'other'}` as MessageKey, params);
}
