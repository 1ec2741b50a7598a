import { ValidationFailed } from '$lib/db/repos/customers';
import { toDbErrorCode } from '$lib/db/status.svelte';
import type { FieldError } from '$lib/domain/shared/types';
import { t } from '$lib/i18n/i18n.svelte';
import { dbErrorText } from './labels';

export { splitTags } from './tags';

/** What a form shows when a save was refused: field errors, or a storage error sentence. */
export function saveFailure(err: unknown): { errors: FieldError[]; message: string } {
	if (err instanceof ValidationFailed) {
		return { errors: err.errors, message: t('customers.form_has_errors') };
	}
	return { errors: [], message: dbErrorText(toDbErrorCode(err)) };
}
