/**
 * Storage failures as codes the UI translates. QuotaExceededError often arrives wrapped: Dexie
 * reports a failed transaction as an AbortError whose `inner` is the real cause.
 */
export type DbErrorCode = 'storage_full' | 'upgrade_required' | 'blocked' | 'not_found' | 'unknown';

function names(err: unknown, depth = 0): string[] {
	if (!err || typeof err !== 'object' || depth > 4) return [];
	const e = err as { name?: unknown; inner?: unknown; cause?: unknown };
	const own = typeof e.name === 'string' ? [e.name] : [];
	return [...own, ...names(e.inner, depth + 1), ...names(e.cause, depth + 1)];
}

export function toDbErrorCode(err: unknown): DbErrorCode {
	const all = names(err);
	if (all.includes('QuotaExceededError')) return 'storage_full';
	if (all.includes('VersionError') || all.includes('DatabaseClosedError'))
		return 'upgrade_required';
	if (all.includes('OpenFailedError') && all.includes('BlockedError')) return 'blocked';
	if (all.includes('NotFoundError')) return 'not_found';
	return 'unknown';
}

/** Thrown by repositories when a write is refused by validation; carries field error codes. */
export class ValidationFailed extends Error {
	readonly errors: { field: string; code: string }[];
	constructor(errors: { field: string; code: string }[]) {
		super(`validation failed: ${errors.map((e) => `${e.field}:${e.code}`).join(', ')}`);
		this.name = 'ValidationFailed';
		this.errors = errors;
	}
}

export class NotFound extends Error {
	constructor(what: string) {
		super(`${what} not found`);
		this.name = 'NotFoundError';
	}
}
