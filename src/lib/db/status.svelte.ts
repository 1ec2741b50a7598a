import { toDbErrorCode, type DbErrorCode } from './errors';

export { toDbErrorCode } from './errors';

/**
 * Database trouble the whole app must show: another tab upgraded the schema (this tab must
 * reload rather than write old-shaped records), this tab's upgrade is blocked by an old tab,
 * or the disk is full.
 */
class DbStatus {
	state = $state<'ok' | DbErrorCode>('ok');

	/** Records a failure seen by any write; returns its code for the caller's own message. */
	report(err: unknown): DbErrorCode {
		return this.reportCode(toDbErrorCode(err));
	}

	/** The same, for a failure a worker has already turned into a code (errors do not cross). */
	reportCode(code: DbErrorCode): DbErrorCode {
		if (code === 'storage_full' || code === 'upgrade_required' || code === 'blocked')
			this.state = code;
		return code;
	}
}

export const dbStatus = new DbStatus();
