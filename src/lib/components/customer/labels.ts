import { t, type MessageKey } from '$lib/i18n/i18n.svelte';
import { customersMessages } from '$lib/i18n/messages/customers';
import { interactionsMessages } from '$lib/i18n/messages/interactions';

/**
 * Domain code → message, for keys built from codes (`customers.stage_${stage}` …). A code with
 * no message falls back to a generic one instead of showing a raw key.
 */
function coded(
	ns: 'customers' | 'interactions',
	table: Record<string, string>,
	prefix: string,
	code: string,
	fallback: string
): string {
	const key = `${prefix}${code}`;
	return t(`${ns}.${key in table ? key : fallback}` as MessageKey);
}

export const customerErrorText = (code: string): string =>
	coded('customers', customersMessages.en, 'error_', code, 'error_unknown');

export const interactionErrorText = (code: string): string =>
	coded('interactions', interactionsMessages.en, 'error_', code, 'error_unknown');

export const dbErrorText = (code: string): string =>
	coded('customers', customersMessages.en, 'db_', code, 'db_unknown');

export const tierText = (tier: string): string =>
	coded('customers', customersMessages.en, 'tier_', tier || 'none', 'tier_none');

export const stageText = (stage: string): string =>
	coded('customers', customersMessages.en, 'stage_', stage, 'no_value');

export const kindText = (kind: string): string =>
	coded('customers', customersMessages.en, 'kind_', kind, 'no_value');

export const sourceText = (source: string): string =>
	coded('customers', customersMessages.en, 'source_', source || 'none', 'source_none');

export const interactionTypeText = (type: string): string =>
	coded('interactions', interactionsMessages.en, 'type_', type, 'type_other');

/** `${base}_one` / `${base}_other` by count (en plural; zh uses the same text twice). */
export function plural(base: string, count: number, params: Record<string, string | number>) {
	return t(`${base}_${count === 1 ? 'one' : 'other'}` as MessageKey, params);
}
