import { toDbErrorCode, ValidationFailed, type DbErrorCode } from '$lib/db/errors';
import type { FieldError } from '$lib/domain/shared/types';
import { t, type MessageKey } from '$lib/i18n/i18n.svelte';

const DB_ERROR_KEYS: Record<DbErrorCode, MessageKey> = {
	storage_full: 'common.db_storage_full',
	upgrade_required: 'common.db_upgrade_required',
	blocked: 'common.db_blocked',
	not_found: 'common.db_not_found',
	unknown: 'common.db_unknown'
};

/** What a refused write means for the user, in their language. */
export const dbErrorText = (code: DbErrorCode): string => t(DB_ERROR_KEYS[code]);

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

/**
 * What a refused action (a button, not a form) says: its first validation code in the record's
 * own words (`errorText`), else a generic sentence.
 */
export function refusalText(err: unknown, errorText: (code: string) => string): string {
	return err instanceof ValidationFailed && err.errors[0]
		? errorText(err.errors[0].code)
		: t('common.error_generic');
}
