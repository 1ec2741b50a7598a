import { dbErrorText } from '$lib/components/customer/labels';
import { toDbErrorCode, ValidationFailed } from '$lib/db/errors';
import type { FieldError } from '$lib/domain/shared/types';
import { t } from '$lib/i18n/i18n.svelte';

/** What a form shows when a save was refused: the field errors and the summary's title. */
export interface SaveFailure {
	errors: FieldError[];
	message: string;
}

/** A refusal by validation lists its field errors; any other failure is a storage sentence. */
export function saveFailure(err: unknown): SaveFailure {
	if (err instanceof ValidationFailed) {
		return { errors: err.errors, message: t('common.form_has_errors') };
	}
	return { errors: [], message: dbErrorText(toDbErrorCode(err)) };
}
