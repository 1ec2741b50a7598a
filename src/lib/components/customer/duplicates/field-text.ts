import type { Customer } from '$lib/domain/customer/customer';
import type { MergeField } from '$lib/domain/customer/merge-plan';
import { formatPhone } from '$lib/domain/customer/phone';
import { formatDate, hasMessage, t } from '$lib/i18n/i18n.svelte';
import { kindText, sourceText, stageText, tierText } from '../labels';

/** The form's label of a merge field (the customer form's own labels). */
export function fieldLabel(f: MergeField): string {
	return t(f === 'ownerId' ? 'customers.field_owner' : `customers.field_${f}`);
}

/** A field's value as a person reads it; lists joined by commas. Empty values say so. */
export function fieldText(
	f: MergeField,
	value: Customer[MergeField],
	ownerName: (id: string) => string
): string {
	let text: string;
	if (Array.isArray(value)) text = (f === 'phones' ? value.map(formatPhone) : value).join(', ');
	else if (f === 'kind') text = kindText(value);
	else if (f === 'tier') text = value ? tierText(value) : '';
	else if (f === 'stage') text = stageText(value);
	else if (f === 'source') text = value ? sourceText(value) : '';
	else if (f === 'ownerId') text = value ? ownerName(value) : '';
	else if (f === 'birthday') text = value ? formatDate(value) : '';
	else text = value;
	return text.trim() ? text : t('duplicates.value_empty');
}

/** A refusal code (MergeRefused, storage) → message; unknown codes get the generic one. */
export function mergeErrorText(code: string): string {
	const key = `duplicates.error_${code}`;
	return t(hasMessage(key) ? key : 'duplicates.error_unknown');
}
