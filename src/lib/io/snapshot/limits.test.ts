import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { demoMembers, generateDemo } from '../../testing/demo-data';
import { gzipBomb, paddedMemberLine, withHeader } from './crafted-files';
import { openSnapshot, type DecodeOptions } from './decode';
import type { SnapshotEntry } from './entry';
import { SnapshotError } from './errors';
import {
	MAX_BODY_BYTES,
	MAX_EXPANSION,
	MAX_RECORDS,
	SNAPSHOT_LIMITS,
	type SnapshotLimits
} from './limits';
import { customer, decodeCode, encodeAll, record, stamp } from './test-util';

/**
 * The caps of limits.ts, each crossed by a crafted file. A reader that does not enforce a cap
 * reads on through the whole file; these tests stop it after what the cap allows, so that they
 * fail at once instead of inflating gigabytes.
 */

interface ReadOutcome {
	/** The refusal's code, 'ok' at the end of the body, or 'read on' past `stopAfter` lines. */
	code: string;
	entries: SnapshotEntry[];
}

async function readUntilRefused(
	bytes: Uint8Array,
	stopAfter: number,
	opts: DecodeOptions = {}
): Promise<ReadOutcome> {
	const entries: SnapshotEntry[] = [];
	try {
		const snap = await openSnapshot([bytes], opts);
		for await (const e of snap.entries()) {
			entries.push(e);
			if (entries.length > stopAfter) {
				await snap.close();
				return { code: 'read on', entries };
			}
		}
		return { code: 'ok', entries };
	} catch (e) {
		if (e instanceof SnapshotError) return { code: e.code, entries };
		throw e;
	}
}

const MiB = 1 << 20;
const limits = (over: Partial<SnapshotLimits>): DecodeOptions => ({
	limits: { ...SNAPSHOT_LIMITS, ...over }
});

describe('what a snapshot file can make the reader do', () => {
	it('a gzip bomb is refused as it inflates, after some dozens of megabytes', async () => {
		const line = paddedMemberLine('m-bomb', 16 << 10);
		const bomb = gzipBomb('members', line, 8 * 1024 * MiB);
		expect(bomb.length).toBeLessThan(16 * MiB);
		const started = performance.now();
		const read = await readUntilRefused(bomb, (256 * MiB) / line.length);
		expect(read.code).toBe('snapshot_expands_too_much');
		expect(read.entries.length * line.length).toBeLessThan(128 * MiB);
		expect(performance.now() - started).toBeLessThan(30_000);
	});

	it('a body that unpacks past the size cap is refused as it passes it', async () => {
		// Random text: it compresses little, so only the size cap can stop it.
		const entries = Array.from({ length: 40 }, (_, i) => ({
			t: 'customers',
			r: customer(`c${i}`, { notes: randomBytes(32 << 10).toString('hex') })
		}));
		const bytes = await encodeAll(entries);
		expect(await decodeCode(bytes)).toBe('ok');
		const read = await readUntilRefused(bytes, 40, limits({ maxBodyBytes: MiB }));
		expect(read.code).toBe('snapshot_too_large');
		expect(read.entries.length).toBeLessThanOrEqual(16);
	});

	it('a header counting more lines than the cap is refused when the file is opened', async () => {
		const bytes = await encodeAll([{ t: 'customers', r: customer('c1') }]);
		const claims = withHeader(bytes, (h) => {
			h.counts = { customers: 3_000_000, interactions: MAX_RECORDS - 3_000_000 + 1 };
		});
		await expect(openSnapshot([claims])).rejects.toMatchObject({
			code: 'snapshot_too_many_records'
		});
		const atTheCap = withHeader(bytes, (h) => {
			h.counts = { customers: 1, interactions: 4 };
		});
		const read = await readUntilRefused(atTheCap, 10, limits({ maxRecords: 4 }));
		expect(read).toMatchObject({ code: 'snapshot_too_many_records', entries: [] });
	});

	it('a body with more lines than its header counts is refused at the first extra line', async () => {
		const entries = Array.from({ length: 3000 }, (_, i) => ({
			t: 'customers',
			r: customer(`c${String(i).padStart(4, '0')}`)
		}));
		const lying = withHeader(await encodeAll(entries), (h) => {
			h.counts = { customers: 1000 };
		});
		const read = await readUntilRefused(lying, 3000);
		expect(read.code).toBe('snapshot_corrupt');
		expect(read.entries.length).toBe(1000);

		// A table the header does not count, named like a member every object has.
		const odd = [{ t: 'toString', r: record('x1', {}, stamp(1000, 'A')) }];
		const uncounted = withHeader(await encodeAll(odd), (h) => {
			h.counts = {};
		});
		expect(await readUntilRefused(uncounted, 1)).toMatchObject({
			code: 'snapshot_corrupt',
			entries: []
		});
	});

	it('the caps hold a full 100,000-customer, 1,000,000-interaction file with room to spare', async () => {
		// The demo generator at a hundredth of that size, measured and scaled up.
		let n = 0;
		const stampOf = () => ({
			hlc: `${String(1_700_000_000_000 + n++).padStart(15, '0')}:0000:dev-0123456789abcdef`,
			by: 'member-0123456789abcdef0123456789ab'
		});
		const members = demoMembers({ seed: 7, stamp: stampOf });
		const entries: SnapshotEntry[] = members.map((r) => ({ t: 'members', r }));
		const demo = { seed: 7, customers: 1000, interactionsPerCustomer: 10, now: 1.76e12 };
		for (const batch of generateDemo({ ...demo, stamp: stampOf }, members))
			for (const [t, list] of Object.entries(batch))
				for (const r of list as unknown[]) entries.push({ t, r });
		const file = await encodeAll(entries);
		const read = await readUntilRefused(file, entries.length);
		expect(read.code).toBe('ok');
		const body = read.entries.reduce((sum, e) => sum + Buffer.byteLength(JSON.stringify(e)) + 1, 0);

		const scale = 100;
		expect(read.entries.length * scale).toBeLessThan(MAX_RECORDS / 3);
		expect(body * scale).toBeLessThan(MAX_BODY_BYTES / 4);
		expect(body / file.length).toBeLessThan(MAX_EXPANSION / 5);
	});
});
