/**
 * Shared by the snapshot tests (not used by the app): sample entries, and helpers to run the
 * encoder and decoder over whole byte arrays.
 */
import type { SyncRecord } from '../../sync/merge';
import type { Stamp } from '../../sync/stamp';
import type { Tombstone } from '../../sync/tombstone';
import { concatBytes } from './bytes';
import { decodeSnapshot, type DecodeOptions } from './decode';
import { encodeSnapshot, type EncodeOptions, type EntrySource } from './encode';
import type { SnapshotEntry } from './entry';
import { SnapshotError } from './errors';
import { sha256Hex } from './sha256';

export const hlc = (wall: number, device: string, counter = 0) =>
	`${String(wall).padStart(15, '0')}:${counter.toString(36).padStart(4, '0')}:${device}`;
export const stamp = (wall: number, device: string): Stamp => ({
	hlc: hlc(wall, device),
	by: `m-${device}`
});

export function record(
	id: string,
	fields: Record<string, unknown>,
	created: Stamp,
	edits: Record<string, Stamp> = {}
): SyncRecord {
	const all = [created.hlc, ...Object.values(edits).map((s) => s.hlc)].sort();
	const meta = {
		created,
		updated: all[all.length - 1] ?? created.hlc,
		...(Object.keys(edits).length ? { fields: edits } : {})
	};
	return { id, _meta: meta, ...fields } as SyncRecord;
}

export function customer(id: string, over: Record<string, unknown> = {}, edits = {}): SyncRecord {
	return record(
		id,
		{
			kind: 'person',
			name: '张三',
			company: '',
			phones: ['+8613800138000'],
			emails: ['zhangsan@example.com'],
			wechat: 'zs_wx',
			address: '',
			city: '北京',
			industry: '',
			source: '',
			tier: 'A',
			stage: 'customer',
			tags: ['vip'],
			ownerId: 'm1',
			birthday: '',
			needs: '',
			notes: '备注\n第二行',
			createdAt: 1_700_000_000_000,
			lastContactAt: 1_700_000_100_000,
			trashedAt: null,
			searchKeys: 'zhangsan zs 13800138000',
			...over
		},
		stamp(1000, 'A'),
		edits
	);
}

export const tomb = (id: string, wall = 5000): Tombstone => ({
	table: 'customers',
	id,
	hlc: hlc(wall, 'A'),
	by: 'm-A'
});

/** A few of each kind, including a table this version does not know. */
export function sampleEntries(): SnapshotEntry[] {
	return [
		{ t: 'customers', r: customer('c1') },
		{ t: 'customers', r: customer('c2', { name: 'Li Si', tier: 'B' }, { tier: stamp(2000, 'B') }) },
		{
			t: 'interactions',
			r: record(
				'i1',
				{ customerId: 'c1', type: 'call', at: 1, summary: '回访 😀', ownerId: 'm1' },
				stamp(1500, 'A')
			)
		},
		{ t: 'x_future_table', r: record('f1', { anything: [1, { deep: true }] }, stamp(1600, 'C')) },
		{ t: '_tomb', r: tomb('c9') }
	];
}

export const baseOptions: EncodeOptions = {
	appVersion: '0.1.0',
	exportedBy: { memberId: 'm1', memberName: '王经理', deviceId: 'dev-1' },
	exportedAt: 1_700_000_200_000,
	scope: { kind: 'all' }
};

/** Tests use 1,000 PBKDF2 iterations through the explicit test-only flag (see header.ts). */
export const FAST_KDF = { unsafeKdfIterations: 1000 };

export async function encodeAll(
	entries: EntrySource,
	opts: Partial<EncodeOptions> = {}
): Promise<Uint8Array> {
	const parts: Uint8Array[] = [];
	for await (const chunk of encodeSnapshot(entries, { ...baseOptions, ...opts })) parts.push(chunk);
	return concatBytes(parts);
}

export async function decodeAll(
	bytes: Uint8Array | Iterable<Uint8Array> | ReadableStream<Uint8Array>,
	opts: DecodeOptions & { passphrase?: string } = {}
): Promise<SnapshotEntry[]> {
	const source = bytes instanceof Uint8Array ? [bytes] : bytes;
	const out: SnapshotEntry[] = [];
	for await (const e of decodeSnapshot(source, opts)) out.push(e);
	return out;
}

/** The error code a decode ends with, or 'ok'. */
export async function decodeCode(
	bytes: Uint8Array,
	opts: DecodeOptions & { passphrase?: string } = {}
): Promise<string> {
	try {
		await decodeAll(bytes, opts);
		return 'ok';
	} catch (e) {
		if (e instanceof SnapshotError) return e.code;
		throw e;
	}
}

/** An async generator: a one-shot source the encoder must buffer. */
export async function* oneShot<T>(items: readonly T[]): AsyncGenerator<T> {
	yield* items;
}

export function chunked(bytes: Uint8Array, size: number): Uint8Array[] {
	const out: Uint8Array[] = [];
	for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
	return out;
}

/** Where the parts of a file start: the header line, the digest line, the body (frames). */
export function layout(bytes: Uint8Array): { headerEnd: number; bodyStart: number } {
	const headerEnd = bytes.indexOf(0x0a);
	return { headerEnd, bodyStart: headerEnd + 1 + 65 };
}

/**
 * A plain file whose header says something else (a crafted or damaged file): the header members
 * are replaced and the digest line recomputed, so only what the header claims differs.
 */
export function withHeader(bytes: Uint8Array, patch: Record<string, unknown>): Uint8Array {
	const { headerEnd, bodyStart } = layout(bytes);
	const header = JSON.parse(new TextDecoder().decode(bytes.subarray(0, headerEnd))) as object;
	const line = new TextEncoder().encode(JSON.stringify({ ...header, ...patch }));
	const digest = new TextEncoder().encode(`${sha256Hex(line)}\n`);
	return concatBytes([line, new Uint8Array([0x0a]), digest, bytes.subarray(bodyStart)]);
}

/**
 * The fields known to hold personal data: names, phones, emails, WeChat, address, birthday, and
 * free text where people write about people (notes, needs, summaries, titles, descriptions,
 * comments). The registry of synced tables (sync/tables.ts) must mark each, so the export form
 * offers to mask it (snapshot-mask.test.ts); a later table's fields are checked by their names
 * (sync/tables.test.ts).
 */
export const PERSONAL_FIELDS: readonly string[] = [
	'members.name',
	'members.email',
	'customers.name',
	'customers.phones',
	'customers.emails',
	'customers.wechat',
	'customers.address',
	'customers.birthday',
	'customers.needs',
	'customers.notes',
	'contacts.name',
	'contacts.phones',
	'contacts.emails',
	'contacts.wechat',
	'contacts.notes',
	'interactions.summary',
	'interactions.outcome',
	'tasks.title',
	'deals.title',
	'deals.nextStep',
	'deals.lostReason',
	'orders.notes',
	'tickets.title',
	'tickets.description',
	'tickets.handoverNote',
	'tickets.resolution',
	'feedback.comment',
	'reviews.notes'
];
