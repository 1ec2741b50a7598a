/**
 * For tests, not the app: random histories of three teammates who write, send each other files of
 * their changes (or full files, written or only built, to three exchanges each), apply them in any
 * order with repeats and undo some, through the functions the app uses on real databases
 * (fake-indexeddb in Node). After the history the laws of sending only what changed are checked:
 *
 * - export: the files of an exchange written since its last full file, merged, carry the
 *   sender's whole state in the scope (every record and tombstone, as stored), and their runs
 *   follow one another with no hole and no overlap, so a receiver missing some is told exactly
 *   their runs;
 * - received: what each device lists as missing is what the files it applied (and did not undo)
 *   leave out;
 * - merge: two devices that apply the same files in different orders, with repeats, hold the same.
 *
 * The three databases are opened once and emptied between histories (opening one is the
 * costliest step of a short history).
 */
import { decodeSnapshot } from '$lib/io/snapshot/decode';
import type { SnapshotChanges } from '$lib/io/snapshot/header';
import { exchangeKey, type Exchange } from '$lib/sync/exchange';
import {
	canonical,
	mergeRecord,
	mergeSets,
	type SyncRecord,
	type SyncState
} from '$lib/sync/merge';
import { missingOf, type MissingRun, type ReceivedFile } from '$lib/sync/received-files';
import { CUSTOMER_PARTS, SYNCED_TABLES } from '$lib/sync/tables';
import { recordKey, type Tombstone } from '$lib/sync/tombstone';
import { withoutChangeNumber } from '$lib/sync/change-number';
import { withoutDerived } from '$lib/sync/merge';
import { listMissingIn } from './exchange-received';
import { dumpTables, teammate, TEST_KDF, type Teammate } from './snapshot-teammates';
import { undoSnapshotImportWith } from './snapshot-undo';

export type XOp =
	| { k: 'add'; d: number; owner: number }
	| { k: 'edit'; d: number; pick: number; v: number }
	/** The customer goes to the member of device `to`. */
	| { k: 'handover'; d: number; pick: number; to: number }
	| { k: 'log'; d: number; pick: number }
	| { k: 'erase'; d: number; pick: number }
	/** `written: false`: built, and its download never confirmed; it may still be delivered. */
	| { k: 'send'; d: number; ex: number; full: boolean; written: boolean }
	| { k: 'deliver'; to: number; pick: number }
	| { k: 'undo'; d: number; pick: number };

export interface XScenario {
	ops: XOp[];
	/** The exchange of device 0 whose files the export law reads. */
	watch: number;
	/** Which files of that exchange a receiver gets, as bits: the rest it misses. */
	delivered: number;
	/** The orders two devices apply every file in (seeds). */
	orders: [number, number];
	/**
	 * Device 0 hands a customer with a call logged over to the watched scope's member between its
	 * first two files: the customer enters the scope with a record numbered before the first.
	 */
	handover: boolean;
}

export const X_LAWS = ['export', 'gaps', 'received', 'merge'] as const;
export type XLaw = (typeof X_LAWS)[number];

export interface XObservation {
	found: Record<XLaw, string[]>;
	/** Whether the history did what the laws are about, so that a pass is not a vacuous one. */
	did: {
		deltas: number;
		handovers: number;
		repeats: number;
		undone: number;
		missing: number;
		unwritten: number;
		/** The merge law's files hold full ones and files of changes, from two devices or more. */
		mixed: number;
	};
}

/** What a history did, before it did anything. */
export function nothingDone(): XObservation['did'] {
	return { deltas: 0, handovers: 0, repeats: 0, undone: 0, missing: 0, unwritten: 0, mixed: 0 };
}

const N = 3;
/** Files the merge law applies in two orders: enough to mix senders, kinds and repeats. */
const MERGED = 3;
const CITIES = ['北京', '上海', '广州', '深圳'];

interface PooledFile {
	from: number;
	key: string;
	bytes: Uint8Array;
	changes: SnapshotChanges;
	exportedAt: number;
	written: boolean;
}

interface Applied {
	importId: string;
	file: PooledFile;
	undone: boolean;
}

/** Device d's three exchanges: the team, the lead, the next device's member. */
function exchangeOf(devices: readonly Teammate[], d: number, ex: number): Exchange {
	const me = devices[d]!.session.member.id;
	const next = devices[(d + 1) % N]!.session.member.id;
	switch (ex % 3) {
		case 0:
			return { recipient: { kind: 'team' }, scope: { kind: 'all' } };
		case 1:
			return { recipient: { kind: 'lead' }, scope: { kind: 'mine', memberId: me } };
		default:
			return {
				recipient: { kind: 'member', memberId: next },
				scope: { kind: 'mine', memberId: next }
			};
	}
}

let opened: Promise<Teammate[]> | null = null;
let time = 1_760_000_000_000;

/** The three devices, opened once, emptied for each history. */
async function devices(): Promise<Teammate[]> {
	opened ??= Promise.all(
		Array.from({ length: N }, (_, d) =>
			teammate(`exchange-history-${d}`, `xdev${d}`, `成员${d}`, 'manager', () => time)
		)
	);
	const list = await opened;
	for (const t of list) {
		await empty(t);
		await t.db.members.put(t.session.member);
	}
	return list;
}

/**
 * The stores a history writes, emptied; the change counter's numbers go on rising, as on a real
 * device.
 */
const WRITTEN = [
	'members',
	'customers',
	'interactions',
	'tombstones',
	'settings',
	'conflicts',
	'audit',
	'imports',
	'importBatches',
	'tallies'
];

async function empty(t: Teammate): Promise<void> {
	const tables = WRITTEN.map((name) => t.db.table(name));
	await t.db.transaction('rw', tables, async () => {
		for (const table of tables) await table.clear();
	});
}

/** A device's data and an exchange's scope, as the export law reads it: one SyncState. */
async function scopeState(t: Teammate, ex: Exchange): Promise<SyncState> {
	const records = new Map<string, Map<string, SyncRecord>>();
	const put = (table: string, r: SyncRecord) => {
		let m = records.get(table);
		if (!m) records.set(table, (m = new Map()));
		m.set(
			r.id,
			withoutChangeNumber(withoutDerived(table, r as SyncRecord & Record<string, unknown>))
		);
	};
	const rows = async (table: string) =>
		(await t.db.table(table).toArray()) as (SyncRecord & Record<string, unknown>)[];
	const scope = ex.scope;
	if (scope.kind === 'mine') {
		for (const r of await rows('members')) put('members', r);
		const mine = new Set<string>();
		for (const r of await rows('customers'))
			if (r.ownerId === scope.memberId) {
				mine.add(r.id);
				put('customers', r);
			}
		for (const table of CUSTOMER_PARTS)
			for (const r of await rows(table))
				if (typeof r.customerId === 'string' && mine.has(r.customerId)) put(table, r);
	} else for (const table of SYNCED_TABLES) for (const r of await rows(table)) put(table, r);
	const tombstones = new Map<string, Tombstone>();
	for (const tomb of await t.db.tombstones.toArray())
		tombstones.set(recordKey(tomb.table, tomb.id), withoutChangeNumber(tomb));
	return { records, tombstones };
}

/** A file's records and tombstones, as one SyncState. */
async function fileState(bytes: Uint8Array): Promise<SyncState> {
	const state: SyncState = { records: new Map(), tombstones: new Map() };
	for await (const e of decodeSnapshot([bytes], { testOnly: TEST_KDF })) {
		if (e.t === '_tomb') {
			const tomb = e.r as Tombstone;
			state.tombstones.set(recordKey(tomb.table, tomb.id), tomb);
			continue;
		}
		const r = e.r as SyncRecord;
		let m = state.records.get(e.t);
		if (!m) state.records.set(e.t, (m = new Map()));
		m.set(r.id, r);
	}
	return state;
}

const numbersOf = (runs: readonly { after: number; upTo: number }[]): Set<number> => {
	const s = new Set<number>();
	for (const r of runs) for (let i = r.after + 1; i <= r.upTo; i++) s.add(i);
	return s;
};

class XHistory {
	readonly found: Record<XLaw, string[]> = { export: [], gaps: [], received: [], merge: [] };
	readonly did = nothingDone();
	readonly pool: PooledFile[] = [];
	readonly applied: Applied[][] = Array.from({ length: N }, () => []);
	#ids = 0;

	constructor(
		readonly sc: XScenario,
		readonly devices: Teammate[]
	) {}

	add(law: XLaw, what: string): void {
		if (this.found[law].length < 5) this.found[law].push(what);
	}

	async customers(d: number): Promise<string[]> {
		return ((await this.devices[d]!.db.customers.toCollection().primaryKeys()) as string[]).sort();
	}

	async pick(d: number, pick: number): Promise<string | undefined> {
		const ids = await this.customers(d);
		return ids[pick % Math.max(1, ids.length)];
	}

	async send(d: number, ex: number, full: boolean, written: boolean): Promise<PooledFile> {
		const t = this.devices[d]!;
		const exchange = exchangeOf(this.devices, d, ex);
		const { bytes, changes } = await t.send(exchange, { full, written, now: time });
		if (!changes.full) this.did.deltas++;
		if (!written) this.did.unwritten++;
		const file = { from: d, key: exchangeKey(exchange), bytes, changes, exportedAt: time, written };
		this.pool.push(file);
		return file;
	}

	async deliver(to: number, file: PooledFile): Promise<void> {
		const t = this.devices[to]!;
		const p = await t.importFile(file.bytes);
		if (!p.importId) {
			this.did.repeats++;
			return;
		}
		this.applied[to]!.push({ importId: p.importId, file, undone: false });
	}

	async run(op: XOp): Promise<void> {
		time += 60_000;
		const t = this.devices[('d' in op ? op.d : op.to) % N]!;
		const d = ('d' in op ? op.d : op.to) % N;
		switch (op.k) {
			case 'add':
				await t.addCustomer(`x${++this.#ids}`, {
					ownerId: this.devices[op.owner % N]!.session.member.id,
					city: ''
				});
				return;
			case 'edit': {
				const id = await this.pick(d, op.pick);
				if (id) await t.edit('customers', id, { city: CITIES[op.v % CITIES.length] });
				return;
			}
			case 'handover': {
				const id = await this.pick(d, op.pick);
				if (!id) return;
				await t.edit('customers', id, { ownerId: this.devices[op.to % N]!.session.member.id });
				this.did.handovers++;
				return;
			}
			case 'log': {
				const id = await this.pick(d, op.pick);
				if (id) await t.addInteraction(`x${++this.#ids}`, id, time);
				return;
			}
			case 'erase': {
				const id = await this.pick(d, op.pick);
				if (id) await t.erase(id);
				return;
			}
			case 'send':
				// Device 0 sends most often to the watched exchange, so that its files make a chain.
				await this.send(d, d === 0 && op.ex % 2 === 0 ? this.sc.watch : op.ex, op.full, op.written);
				return;
			case 'deliver': {
				const others = this.pool.filter((f) => f.from !== d);
				const file = others[op.pick % Math.max(1, others.length)];
				if (file) await this.deliver(d, file);
				return;
			}
			case 'undo': {
				const open = this.applied[d]!.filter((a) => !a.undone);
				const a = open[open.length - 1 - (op.pick % Math.max(1, open.length))];
				if (!a) return;
				await undoSnapshotImportWith(t, a.importId, time);
				a.undone = true;
				this.did.undone++;
			}
		}
	}

	/**
	 * The export law on device 0's watched exchange: one more file written, then the files written
	 * since the last full one, merged, hold every record and tombstone of the scope as stored.
	 */
	async checkExport(): Promise<void> {
		const d = 0;
		const t = this.devices[d]!;
		const exchange = exchangeOf(this.devices, d, this.sc.watch);
		const key = exchangeKey(exchange);
		await this.send(d, this.sc.watch, false, true);
		const written = this.pool.filter((f) => f.from === d && f.key === key && f.written);
		const lastFull = written.map((f) => f.changes.full).lastIndexOf(true);
		const chain = written.slice(Math.max(0, lastFull));
		let merged: SyncState = { records: new Map(), tombstones: new Map() };
		for (const f of chain) merged = mergeSets(merged, await fileState(f.bytes)).state;
		const stored = await scopeState(t, exchange);
		for (const [table, rows] of stored.records)
			for (const [id, r] of rows) {
				const sent = merged.records.get(table)?.get(id);
				if (merged.tombstones.has(recordKey(table, id))) {
					this.add('export', `${key}: ${table}/${id} is stored but the files erase it`);
					continue;
				}
				if (!sent) {
					this.add('export', `${key}: ${table}/${id} never sent`);
					continue;
				}
				if (mergeRecord(sent, r, { table }).changed)
					this.add('export', `${key}: ${table}/${id} sent as an older version`);
			}
		for (const k of stored.tombstones.keys())
			if (!merged.tombstones.has(k)) this.add('export', `${key}: tombstone ${k} never sent`);
		this.checkRuns(key, chain);
	}

	/**
	 * The runs of an exchange's written files since its last full one follow one another, with no
	 * hole and no overlap; a receiver of some of them misses exactly the others' runs (below the
	 * last it has).
	 */
	checkRuns(key: string, chain: readonly PooledFile[]): void {
		chain.forEach((f, i) => {
			const prev = chain[i - 1];
			const expected = prev ? prev.changes.upTo : 0;
			if (f.changes.after !== expected)
				this.add('gaps', `${key}: file ${i} starts at ${f.changes.after}, not ${expected}`);
		});
		// The first (full) and the last always arrive: the ones between may not.
		const got = chain.filter(
			(_, i) => i === 0 || i === chain.length - 1 || (this.sc.delivered >> i) % 2 === 1
		);
		const files: ReceivedFile[] = got.map((f, i) => ({
			importId: `i${i}`,
			key,
			after: f.changes.after,
			upTo: f.changes.upTo,
			full: f.changes.full,
			at: f.exportedAt,
			seen: ''
		}));
		const top = Math.max(0, ...got.map((f) => f.changes.upTo));
		const lost = chain.filter((f) => !got.includes(f) && f.changes.upTo <= top);
		const expected = numbersOf(lost.map((f) => f.changes));
		const reported = numbersOf(missingOf(files));
		if (lost.some((f) => f.changes.upTo > f.changes.after)) this.did.missing++;
		if (reported.size !== expected.size || [...expected].some((n) => !reported.has(n)))
			this.add('gaps', `${key}: reported ${[...reported]} missing, expected ${[...expected]}`);
	}

	/** What each device lists as missing is what the files it applied and kept leave out. */
	async checkReceived(): Promise<void> {
		for (let d = 0; d < N; d++) {
			const kept = this.applied[d]!.filter((a) => !a.undone);
			const expected: { device: string; missing: MissingRun[] }[] = [];
			for (let from = 0; from < N; from++) {
				const files = kept
					.filter((a) => a.file.from === from)
					.map((a): ReceivedFile => ({
						importId: a.importId,
						key: a.file.key,
						after: a.file.changes.after,
						upTo: a.file.changes.upTo,
						full: a.file.changes.full,
						at: a.file.exportedAt,
						...(a.file.changes.afterAt !== undefined ? { afterAt: a.file.changes.afterAt } : {}),
						seen: ''
					}));
				const missing = missingOf(files);
				if (missing.length > 0)
					expected.push({ device: this.devices[from]!.session.deviceId, missing });
			}
			const listed = (await listMissingIn(this.devices[d]!.db)).map((m) => ({
				device: m.deviceId,
				missing: m.missing
			}));
			const sort = (l: typeof expected) => [...l].sort((a, b) => a.device.localeCompare(b.device));
			if (JSON.stringify(sort(listed)) !== JSON.stringify(sort(expected)))
				this.add(
					'received',
					`device ${d} lists ${JSON.stringify(listed)}, expected ${JSON.stringify(expected)}`
				);
		}
	}

	/**
	 * Devices 1 and 2, emptied, apply the same files (the last few of the pool, full ones and
	 * files of changes from every device) in two orders, each with repeats: the same data.
	 */
	async checkMerge(): Promise<void> {
		const files = this.pool.slice(-MERGED);
		const kinds = new Set(files.map((f) => f.changes.full));
		if (kinds.size === 2 && new Set(files.map((f) => f.from)).size > 1) this.did.mixed++;
		// Each order repeats at least one file.
		const order = (seed: number) =>
			[...files, ...files.filter((_, i) => i === seed % files.length || (seed >> i) % 2 === 1)]
				.map((f, i) => ({ f, k: (i * 7919 + seed) % 104_729 }))
				.sort((a, b) => a.k - b.k)
				.map((x) => x.f);
		const [a, b] = await Promise.all(
			[1, 2].map(async (d, i) => {
				const t = this.devices[d]!;
				await empty(t);
				for (const f of order(this.sc.orders[i]!)) await t.importFile(f.bytes);
				return canonical(await dumpTables(t));
			})
		);
		if (a !== b) this.add('merge', `two orders of ${files.length} files gave different data`);
	}
}

/** Runs a scenario on the three devices (emptied first); a step that throws breaks every law. */
export async function runExchangeHistory(sc: XScenario): Promise<XObservation> {
	const h = new XHistory(sc, await devices());
	try {
		// The recipient's first full file and a file of changes: every history has a chain of
		// files to read, one of which a receiver may miss.
		await h.run({ k: 'add', d: 0, owner: 2 });
		await h.run({ k: 'log', d: 0, pick: 0 });
		await h.send(0, sc.watch, true, true);
		if (sc.handover) await h.run({ k: 'handover', d: 0, pick: 0, to: sc.watch === 2 ? 1 : 0 });
		else await h.run({ k: 'add', d: 0, owner: 0 });
		await h.send(0, sc.watch, false, true);
		for (const op of sc.ops) await h.run(op);
		await h.checkExport();
		await h.checkReceived();
		await h.checkMerge();
	} catch (e) {
		const what = `failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
		for (const law of X_LAWS) h.add(law, what);
	}
	return { found: h.found, did: h.did };
}
