/**
 * For tests, not the app: a random history of two or three teammates, each with a database of
 * its own (snapshot-teammates.ts) and a wall clock the history moves, exchanging .rapport files
 * through the export, preview, apply and undo functions the app uses. After every step the
 * device that changed is checked against the laws of snapshot-laws.ts; after the last step a
 * final round of exchanges brings every device up to date and the end state is checked.
 *
 * What "accepted" means: an edit is accepted when some device stored it, its own edits always,
 * and a write from a file stamped more than a day ahead only where it was re-stamped (then under
 * the new stamp, value kept). A receiver that skips it has not accepted it, but its author still
 * holds it, so it is accepted all the same. The final round runs once every clock is right again
 * and has passed every stamp written (time heals a clock that ran ahead): nothing is far ahead
 * any more, so every accepted write can reach every device, and each field must end as the
 * accepted write with the greatest stamp.
 */
import { decodeHlc } from '$lib/sync/hlc';
import { applySnapshotWith } from './snapshot-apply';
import type { FarAheadChoice } from './snapshot-clocks';
import {
	checkErased,
	checkFinal,
	checkStamps,
	checkUndo,
	Findings,
	LAWS,
	stateOf,
	WriteLog,
	type AppliedImport,
	type DeviceState,
	type StepKind
} from './snapshot-laws';
import { openSnapshotFile } from './snapshot-open';
import { previewSnapshotWith } from './snapshot-preview';
import { dumpTables, teammate, TEST_KDF, type Teammate } from './snapshot-teammates';
import { undoSnapshotImportWith } from './snapshot-undo';

/** A device: its number (modulo the number of devices), or -1 for the one of the last step. */
type Device = number;

export type Op =
	| { k: 'add'; d: Device }
	| { k: 'edit'; d: Device; pick: number; field: number; v: number }
	| { k: 'trash'; d: Device; pick: number; restore: boolean }
	| { k: 'log'; d: Device; pick: number }
	| { k: 'erase'; d: Device; pick: number }
	/** `from` exports everything and another device (chosen by `to`) imports it at once. */
	| { k: 'send'; from: Device; to: number; far: FarAheadChoice }
	/** An export kept for a later (or repeated) delivery. */
	| { k: 'export'; d: Device }
	/** Any file exported so far, delivered (again, or late) to `to`, its sender included. */
	| { k: 'deliver'; to: Device; pick: number; far: FarAheadChoice }
	/** Undo of one of the device's imports that is not undone yet, counted from the latest. */
	| { k: 'undo'; d: Device; pick: number }
	/** Time passes on every device. */
	| { k: 'wait'; ms: number }
	/** A device's wall clock is set to run `ms` ahead of (or behind) the true time. */
	| { k: 'skew'; d: Device; ms: number };

export interface Scenario {
	devices: number;
	/** Each device's clock after the team's start: ms ahead of the true time. */
	skews: number[];
	ops: Op[];
}

/** How often the history did what the laws are about, so a pass is not a vacuous one. */
export interface HistoryStats {
	/** Erased customers whose tombstone reached a device other than the one that erased them. */
	erasuresSpread: number;
	/** Files delivered late or again to a device that holds a tombstone. */
	oldFilesAfterErasure: number;
	/**
	 * Undos that took something back, that kept a record it created because it was written or
	 * linked since, and that kept fields it changed because they were written since.
	 */
	undosThatRestored: number;
	undosThatKept: number;
	undosThatKeptFields: number;
	/** Records stamped more than a day ahead that an import skipped or re-stamped. */
	skipped: number;
	restamped: number;
}

export function noStats(): HistoryStats {
	return {
		erasuresSpread: 0,
		oldFilesAfterErasure: 0,
		undosThatRestored: 0,
		undosThatKept: 0,
		undosThatKeptFields: 0,
		skipped: 0,
		restamped: 0
	};
}

export interface Observation {
	found: Findings;
	stats: HistoryStats;
}

const EDITED_FIELDS = ['name', 'city', 'tier', 'tags'] as const;
const VALUES: Record<(typeof EDITED_FIELDS)[number], readonly unknown[]> = {
	name: ['张三', '李四', 'Wang Wu'],
	city: ['北京', '上海', '广州'],
	tier: ['A', 'B', 'C'],
	tags: [[], ['vip'], ['vip', '老客户']]
};

const START = 1_700_000_000_000;
/** Time that passes with every step. */
const STEP_MS = 1_000;
const deviceName = (d: number) => `dev${d}`;

class History {
	readonly found = new Findings();
	readonly log = new WriteLog();
	readonly stats = noStats();
	/** The true time; device d's clock shows it plus skews[d]. */
	time = START;
	step = 0;
	readonly skews: number[];
	readonly devices: Teammate[] = [];
	/**
	 * Per device: what it held after its last step, the latest time its clock showed, the
	 * customers whose tombstone it has held, and its imports.
	 */
	readonly states: DeviceState[] = [];
	readonly shown: number[];
	readonly seen: Set<string>[];
	readonly imports: (AppliedImport & { undone: boolean })[][];
	readonly files: Uint8Array[] = [];
	/** Customers erased anywhere (recordKey), with the device that erased them first. */
	readonly erased = new Map<string, number>();
	/** Erased customers whose tombstone reached another device. */
	readonly #spread = new Set<string>();
	#ids = 0;
	#last = 0;

	constructor(
		readonly sc: Scenario,
		readonly name: string
	) {
		const n = sc.devices;
		this.skews = Array.from({ length: n }, () => 0);
		this.shown = Array.from({ length: n }, () => 0);
		this.seen = Array.from({ length: n }, () => new Set());
		this.imports = Array.from({ length: n }, () => []);
	}

	now(d: number): number {
		const t = this.time + (this.skews[d] ?? 0);
		if (t > (this.shown[d] ?? 0)) this.shown[d] = t;
		return t;
	}

	/** The device an op names; it becomes the last step's device. */
	device(d: Device): number {
		this.#last = d < 0 ? this.#last : d % this.sc.devices;
		return this.#last;
	}

	async open(): Promise<void> {
		for (let d = 0; d < this.sc.devices; d++) {
			const name = `成员${d}`;
			const t = await teammate(`${this.name}-${d}`, deviceName(d), name, 'manager', () =>
				this.now(d)
			);
			this.devices.push(t);
			this.states.push(await stateOf(t));
		}
	}

	async close(): Promise<void> {
		for (const [d, t] of this.devices.entries()) {
			t.db.close();
			await indexedDB.deleteDatabase(`${this.name}-${d}`);
		}
	}

	/** Reads device d after a step and checks it; returns what it holds now. */
	async settle(d: number, why: StepKind): Promise<DeviceState> {
		const where = `step ${this.step} on ${deviceName(d)}`;
		const state = await stateOf(this.devices[d]!);
		this.log.take(state, why, this.found, where);
		checkStamps(state, this.shown[d]!, this.found, where);
		checkErased(state, this.seen[d]!, this.found, where);
		for (const key of this.seen[d]!)
			if (this.erased.get(key) !== d && !this.#spread.has(key)) {
				this.#spread.add(key);
				this.stats.erasuresSpread++;
			}
		this.states[d] = state;
		return state;
	}

	async export(d: number): Promise<Uint8Array> {
		const bytes = await this.devices[d]!.exportFile({ kind: 'all' }, { now: this.now(d) });
		this.files.push(bytes);
		return bytes;
	}

	/** Preview and apply on device d; returns how many far-ahead records it skipped. */
	async import(d: number, bytes: Uint8Array, far: FarAheadChoice): Promise<number> {
		const t = this.devices[d]!;
		const before = this.states[d]!;
		const reader = await openSnapshotFile([bytes], { testOnly: TEST_KDF });
		const now = this.now(d);
		const p = await previewSnapshotWith(t, reader, { fileName: 'h.rapport', now, freeBytes: null });
		if (!p.importId) return 0; // already imported
		const r = await applySnapshotWith(t, p.importId, { now, farAhead: far });
		this.stats.skipped += r.skipped;
		this.stats.restamped += r.restamped;
		const after = await this.settle(d, { kind: 'import', device: deviceName(d), far, now });
		this.imports[d]!.push({ importId: p.importId, before, after, undone: false });
		return r.skipped;
	}

	async run(op: Op): Promise<void> {
		this.step++;
		this.time += STEP_MS;
		switch (op.k) {
			case 'wait':
				this.time += op.ms;
				return;
			case 'skew':
				this.skews[this.device(op.d)] = op.ms;
				return;
			case 'add': {
				const d = this.device(op.d);
				await this.devices[d]!.addCustomer(`c${++this.#ids}`, { city: '', tier: '', tags: [] });
				await this.settle(d, { kind: 'local', device: deviceName(d) });
				return;
			}
			case 'edit':
			case 'trash':
			case 'log':
			case 'erase':
				await this.write(op);
				return;
			case 'send': {
				const n = this.sc.devices;
				const from = this.device(op.from);
				const bytes = await this.export(from);
				await this.import(this.device((from + 1 + (op.to % (n - 1))) % n), bytes, op.far);
				return;
			}
			case 'export':
				await this.export(this.device(op.d));
				return;
			case 'deliver': {
				const d = this.device(op.to);
				if (this.files.length === 0) return;
				if (this.seen[d]!.size > 0) this.stats.oldFilesAfterErasure++;
				await this.import(d, this.files[op.pick % this.files.length]!, op.far);
				return;
			}
			case 'undo':
				await this.undo(this.device(op.d), op.pick);
		}
	}

	async write(op: Extract<Op, { k: 'edit' | 'trash' | 'log' | 'erase' }>): Promise<void> {
		const d = this.device(op.d);
		const t = this.devices[d]!;
		const ids = [...this.states[d]!.records.keys()]
			.filter((key) => key.startsWith('customers/'))
			.map((key) => key.slice('customers/'.length))
			.sort();
		const id = ids[op.pick % Math.max(1, ids.length)];
		if (id === undefined) return;
		if (op.k === 'edit') {
			const field = EDITED_FIELDS[op.field % EDITED_FIELDS.length]!;
			const values = VALUES[field];
			await t.edit('customers', id, { [field]: values[op.v % values.length] });
		} else if (op.k === 'trash') {
			await t.edit('customers', id, { trashedAt: op.restore ? null : this.now(d) });
		} else if (op.k === 'log') {
			await t.addInteraction(`i${++this.#ids}`, id, this.now(d));
		} else {
			await t.erase(id);
			if (!this.erased.has(`customers/${id}`)) this.erased.set(`customers/${id}`, d);
		}
		await this.settle(d, { kind: 'local', device: deviceName(d) });
	}

	async undo(d: number, pick: number): Promise<void> {
		const open = this.imports[d]!.filter((i) => !i.undone);
		const imp = open[open.length - 1 - (pick % Math.max(1, open.length))];
		if (!imp) return;
		const before = this.states[d]!;
		const summary = await undoSnapshotImportWith(this.devices[d]!, imp.importId, this.now(d));
		imp.undone = true;
		const after = await this.settle(d, { kind: 'undo', device: deviceName(d), before: imp.before });
		checkUndo(imp, before, after, deviceName(d), this.found, `step ${this.step} (undo)`);
		if (summary.restored + summary.removed > 0) this.stats.undosThatRestored++;
		if (summary.keptCount > 0) this.stats.undosThatKept++;
		if (summary.kept.some((k) => k.reason === 'changed')) this.stats.undosThatKeptFields++;
	}

	/**
	 * The team's start: with every clock right, the first device adds a customer and sends it to
	 * the others; then the clocks go as the scenario says, and the first device moves the customer
	 * to a city no edit of the history picks and sends that too (re-stamped where its clock runs
	 * far ahead). So every other device has an import that created a record and one that changed
	 * a field, which an undo takes back, or keeps where written since.
	 */
	async share(): Promise<void> {
		const n = this.sc.devices;
		const sendAll = async (far: FarAheadChoice) => {
			for (let d = 1; d < n; d++) await this.run({ k: 'send', from: 0, to: d - 1, far });
		};
		await this.run({ k: 'add', d: 0 });
		await sendAll('skip');
		this.sc.skews.slice(0, n).forEach((ms, d) => (this.skews[d] = ms));
		this.step++;
		await this.devices[0]!.edit('customers', 'c1', { city: '深圳' });
		await this.settle(0, { kind: 'local', device: deviceName(0) });
		await sendAll('restamp');
	}

	/**
	 * Every clock is set right and time passes every stamp written; then each device in turn
	 * imports the previous one's export (so the last holds everything), and the last one's export
	 * goes to all the others.
	 */
	async finalRound(): Promise<void> {
		this.step++;
		let latest = Math.max(this.time, ...this.shown);
		for (const s of this.states)
			for (const { hlc } of s.stamps) latest = Math.max(latest, decodeHlc(hlc)?.wall ?? 0);
		this.skews.fill(0);
		this.time = latest + 60_000;
		const n = this.sc.devices;
		const send = async (from: number, to: number) => {
			if ((await this.import(to, await this.export(from), 'skip')) > 0)
				this.found.add('kept', `final round: ${deviceName(to)} still skipped far-ahead records`);
		};
		for (let d = 1; d < n; d++) await send(d - 1, d);
		for (let d = 0; d < n - 1; d++) await send(n - 1, d);
		const dumps: Record<string, unknown[]>[] = [];
		for (const t of this.devices) dumps.push(await dumpTables(t));
		checkFinal(this.states, dumps, this.log, new Set(this.erased.keys()), this.found);
	}
}

let histories = 0;

/**
 * Runs a scenario on fresh databases (deleted afterwards), from the team's start (`share`), and
 * says what the laws found. A step that throws breaks every law.
 */
export async function runHistory(sc: Scenario): Promise<Observation> {
	const h = new History(sc, `apply-history-${++histories}`);
	try {
		await h.open();
		await h.share();
		for (const op of sc.ops) await h.run(op);
		await h.finalRound();
	} catch (e) {
		const what = `step ${h.step} failed: ${e instanceof Error ? e.message : String(e)}`;
		for (const law of LAWS) h.found.add(law, what);
	} finally {
		await h.close();
	}
	return { found: h.found, stats: h.stats };
}
