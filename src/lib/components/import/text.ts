import { hasMessage, t, type MessageKey } from '$lib/i18n/i18n.svelte';

const has = (key: string): boolean => hasMessage(`imports.${key}`);

/** A code from the CSV codec or the import (file_xlsx, name_missing …) as a sentence. */
export function codeText(code: string): string {
	return t(`imports.${has(`code_${code}`) ? `code_${code}` : 'code_unknown'}` as MessageKey);
}

/** The label of an import field (name, phone …), or the raw field when it has none. */
export function fieldText(field: string): string {
	return has(`field_${field}`) ? t(`imports.field_${field}` as MessageKey) : field;
}
