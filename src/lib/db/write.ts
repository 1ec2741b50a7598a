import { dbStatus } from './status.svelte';

/**
 * Runs a write and reports storage failures (full disk, upgraded schema) to the app-wide status
 * before rethrowing, so a banner appears whatever page the write came from. The transaction
 * inside `fn` is all-or-nothing: a failure leaves what was stored intact.
 */
export async function guarded<T>(fn: () => Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (e) {
		dbStatus.report(e);
		throw e;
	}
}
