import type { BatchCode, RefusedFile } from '$lib/db/repos/snapshot-batch-open';
import type { SnapshotFailureCode } from '$lib/db/repos/snapshot-open';
import { t } from '$lib/i18n/i18n.svelte';
import { snapshotErrorText } from './text';

type BatchOnly = Exclude<BatchCode, SnapshotFailureCode>;
const isBatchOnly = (code: BatchCode): code is BatchOnly => code.startsWith('batch_');

/** Why a file of a batch is not applied, in the user's language: "li.rapport: …". */
export function refusedText(r: RefusedFile): string {
	const { code } = r;
	const reason = isBatchOnly(code)
		? t(`snapshots.batch_err_${code}`, { of: r.of ?? '' })
		: code === 'snapshot_passphrase_required'
			? t('snapshots.batch_err_locked')
			: snapshotErrorText(code);
	return t('snapshots.batch_refused', { file: r.name, reason });
}
