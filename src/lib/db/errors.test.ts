import { describe, expect, it } from 'vitest';
import { toDbErrorCode } from './errors';

const err = (name: string, extra: object = {}) =>
	Object.assign(new Error(name), { name, ...extra });

describe('toDbErrorCode', () => {
	it('finds a full disk, also wrapped in an AbortError', () => {
		expect(toDbErrorCode(err('QuotaExceededError'))).toBe('storage_full');
		expect(toDbErrorCode(err('AbortError', { inner: err('QuotaExceededError') }))).toBe(
			'storage_full'
		);
		expect(
			toDbErrorCode(
				err('AbortError', { inner: err('AbortError', { cause: err('QuotaExceededError') }) })
			)
		).toBe('storage_full');
	});

	it('maps closed and version errors to a reload', () => {
		expect(toDbErrorCode(err('DatabaseClosedError'))).toBe('upgrade_required');
		expect(toDbErrorCode(err('VersionError'))).toBe('upgrade_required');
	});

	it('falls back to unknown', () => {
		expect(toDbErrorCode(err('AbortError'))).toBe('unknown');
		expect(toDbErrorCode('boom')).toBe('unknown');
		expect(toDbErrorCode(null)).toBe('unknown');
	});
});
