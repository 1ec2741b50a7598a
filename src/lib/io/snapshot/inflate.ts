import { SnapshotError } from './errors';
import { gunzip } from './gzip';
import type { SnapshotLimits } from './limits';

/**
 * gunzip that refuses a body growing past the caps while it inflates: more than `maxBodyBytes`
 * in all (snapshot_too_large), or, past the first `expansionSlack` bytes, more than
 * `maxExpansion` times the compressed bytes fed to the decompressor so far
 * (snapshot_expands_too_much). So a gzip bomb is refused after a few dozen megabytes, long
 * before its gigabytes.
 */
export async function* gunzipWithin(
	source: AsyncIterable<Uint8Array>,
	limits: SnapshotLimits
): AsyncGenerator<Uint8Array> {
	let fed = 0;
	let inflated = 0;
	for await (const chunk of gunzip(source, (n) => (fed += n))) {
		inflated += chunk.length;
		if (inflated > limits.maxBodyBytes)
			throw new SnapshotError('snapshot_too_large', `over ${limits.maxBodyBytes} bytes`);
		if (inflated > limits.expansionSlack + fed * limits.maxExpansion)
			throw new SnapshotError('snapshot_expands_too_much', `${inflated} bytes from ${fed}`);
		yield chunk;
	}
}
