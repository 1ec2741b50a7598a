import { clampProbability } from '../deal/stages';
import { isValidCsat } from '../feedback/scores';
import { DAY_MS, MINUTE_MS, parseIsoDate, type Period } from '../shared/dates';
import type { EpochMs } from '../shared/types';

/**
 * Tallies: running sums kept next to the records, so that Home reads a few dozen small records
 * instead of index ranges whose cost grows with the data (at 1,000,000 interactions one manager's
 * month is about 10,000 index entries, and IndexedDB walks each to count it).
 *
 * A tally is keyed by what Home asks for:
 * - `['i', ownerId, day, type]`: interactions per local day and type;
 * - `['o', ownerId, day, currency]`: orders per local day and currency (count and amount);
 * - `['p', ownerId, stage, currency]`: deals per stage and currency (count, amount, and amount ×
 *   probability), every stage: which ones are open is decided when reading (stages are settings);
 * - `['c', ownerId, stage, month]`: deals per stage and month of expected close (`YYYY-MM`), to
 *   count the deals closing this month without reading them.
 *
 * And by what the lead's team figures ask for (domain/team/kpi-tallies.ts), per owner and day:
 * - `['s', ownerId, day]`: satisfaction scores (valid CSAT answers and interactions' scores):
 *   `n` answers, `minor` the sum of the scores;
 * - `['f', ownerId, day]`: follow-up tasks done;
 * - `['x', ownerId, day]`: complaint tickets opened;
 * - `['r', ownerId, day]`: tickets resolved, `minor` the sum of their resolution times in ms;
 * - `['u', ownerId, createdDay, trashedDay, churned]`: customers by the day they were created, the
 *   day they were trashed (NEVER_DAY while they are not) and whether they are churned (1) or not.
 *   Trashed customers count here, unlike any other record: whether a customer was there on a
 *   period's first day depends on when it was trashed.
 * - `['U', ownerId, createdMonth, trashedDay, churned]`: the same customers by the month they
 *   were created (`monthOfDay`), so the many days before a period's month are a few tallies.
 * - `['O', ownerId, month, currency]`, `['I', ownerId, month]` and `['S' | 'F' | 'X' | 'R',
 *   ownerId, month]`: the sums of `o`, `i` (all types), `s`, `f`, `x` and `r` by month, so that
 *   the team's trend over periods of whole months reads one tally per kind and month instead of
 *   one per day. A read takes a fact by its days or by its months, never both.
 *
 * `day` is whole local days since 1970-01-01 with the fixed offset stored in the tallies' meta
 * record (the device's offset when they were built). Trashed records count nowhere. This module
 * is pure: what a record adds, how a change moves the sums, and the figures read back from them.
 * The database keeps them current in the same transaction as every write (db/tallies.ts).
 */

export const TALLIED_TABLES = [
	'interactions',
	'orders',
	'deals',
	'tasks',
	'feedback',
	'tickets',
	'customers'
] as const;
export type TalliedTable = (typeof TALLIED_TABLES)[number];

export type TallyKey =
	| readonly ['i', string, number, string]
	| readonly ['o', string, number, string]
	| readonly ['p', string, string, string]
	| readonly ['c', string, string, string]
	| readonly ['s' | 'f' | 'x' | 'r', string, number]
	| readonly ['u' | 'U', string, number, number, 0 | 1]
	| readonly ['O', string, number, string]
	| readonly ['I' | MonthKind, string, number];

/** Kinds of tally counted per owner and day, whose third key part is the day. */
export type DayKind = 's' | 'f' | 'x' | 'r';
/** The same kinds counted per owner and month (`monthOfDay`). */
export type MonthKind = 'S' | 'F' | 'X' | 'R';
const MONTH_KIND: Record<DayKind, MonthKind> = { s: 'S', f: 'F', x: 'X', r: 'R' };

export interface TallySums {
	n: number;
	/** Sum of amounts in minor units (orders, deals); 0 for interactions. */
	minor: number;
	/** Sum of amount × probability in percent (deals), unrounded: divide by 100 to weigh. */
	weighted: number;
}

export interface Tally extends TallySums {
	k: TallyKey;
	/** The key with period before owner, for the kinds read for a whole roster (`rosterKeyOf`). */
	t?: RosterKey;
}

/**
 * Kinds the team's reads take for the whole roster in one range (index `t`, migrations/v16.ts):
 * the facts by month and the customers. Their keys put the owner before the period, so a range
 * of periods would be one per member; `t` holds the same parts with the period first.
 */
export const ROSTER_KINDS = ['O', 'I', 'S', 'F', 'X', 'R', 'U', 'u'] as const;
export type RosterKey = readonly [string, number, string, ...(string | number)[]];

/** A tally's key with its period before its owner, for the kinds in ROSTER_KINDS. */
export function rosterKeyOf(k: TallyKey): RosterKey | undefined {
	if (!(ROSTER_KINDS as readonly string[]).includes(k[0])) return undefined;
	const [kind, owner, period, ...rest] = k;
	return typeof period === 'number' ? [kind, period, owner, ...rest] : undefined;
}

/** A tally with its `t` when its kind has one. */
function withRosterKey(t: Tally): Tally {
	const r = rosterKeyOf(t.k);
	return r ? { ...t, t: r } : t;
}

/** The one record that says in which offset the days are counted. */
export const TALLY_META_KEY: readonly ['meta'] = ['meta'];
export interface TallyMeta {
	k: readonly ['meta'];
	offsetMin: number;
}

export function isTalliedTable(name: string): name is TalliedTable {
	return (TALLIED_TABLES as readonly string[]).includes(name);
}

/** Whole local days since 1970-01-01 at a fixed offset (minutes east of UTC). */
export function localDay(at: EpochMs, offsetMin: number): number {
	return Math.floor((at + offsetMin * MINUTE_MS) / DAY_MS);
}

/** The instant a local day starts, at a fixed offset. */
export function localDayStartAt(day: number, offsetMin: number): EpochMs {
	return day * DAY_MS - offsetMin * MINUTE_MS;
}

/**
 * The days [from, to) a span covers when it runs from local midnight to local midnight at this
 * offset; null when it does not (then tallies cannot answer it exactly).
 */
export function spanDays(
	span: Pick<Period, 'startAt' | 'endAt'>,
	offsetMin: number
): [number, number] | null {
	const from = localDay(span.startAt, offsetMin);
	const to = localDay(span.endAt, offsetMin);
	if (localDayStartAt(from, offsetMin) !== span.startAt) return null;
	if (localDayStartAt(to, offsetMin) !== span.endAt) return null;
	return [from, to];
}

type Loose = Record<string, unknown> | null | undefined;
const str = (v: unknown): v is string => typeof v === 'string';
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

const one = (k: TallyKey, minor = 0): Tally => ({ k, n: 1, minor, weighted: 0 });

/** What one stored record adds to the tallies: nothing when it is trashed or cannot be placed. */
export function talliesOfRecord(table: TalliedTable, record: unknown, offsetMin: number): Tally[] {
	return withMonths(dayTalliesOfRecord(table, record, offsetMin));
}

/** Each tally of a kind counted per day, and its twin counted per month. */
function withMonths(days: Tally[]): Tally[] {
	const out = [...days];
	for (const t of days) {
		const { n, minor, weighted } = t;
		const k = t.k;
		if (k[0] === 'o') out.push({ k: ['O', k[1], monthOfDay(k[2]), k[3]], n, minor, weighted });
		else if (k[0] === 'i') out.push({ k: ['I', k[1], monthOfDay(k[2])], n, minor, weighted });
		else if (k[0] === 's' || k[0] === 'f' || k[0] === 'x' || k[0] === 'r')
			out.push({ k: [MONTH_KIND[k[0]], k[1], monthOfDay(k[2])], n, minor, weighted });
	}
	return out;
}

function dayTalliesOfRecord(table: TalliedTable, record: unknown, offsetMin: number): Tally[] {
	const r = record as Loose;
	if (!r || !str(r.ownerId)) return [];
	if (table === 'customers') return customerTallies(r, r.ownerId, offsetMin);
	if (r.trashedAt != null) return [];
	const day = (at: number) => localDay(at, offsetMin);
	const amount = r.amount as Loose;
	if (table === 'interactions') {
		if (!num(r.at) || !str(r.type)) return [];
		const out = [one(['i', r.ownerId, day(r.at), r.type])];
		if (num(r.satisfaction) && isValidCsat(r.satisfaction))
			out.push(one(['s', r.ownerId, day(r.at)], r.satisfaction));
		return out;
	}
	if (table === 'tasks') {
		if (r.kind !== 'follow_up' || r.done !== true || !num(r.doneAt)) return [];
		return [one(['f', r.ownerId, day(r.doneAt)])];
	}
	if (table === 'feedback') {
		if (r.kind !== 'csat' || !num(r.at) || !num(r.score) || !isValidCsat(r.score)) return [];
		return [one(['s', r.ownerId, day(r.at)], r.score)];
	}
	if (table === 'tickets') {
		if (!num(r.openedAt)) return [];
		const out: Tally[] = [];
		if (r.kind === 'complaint') out.push(one(['x', r.ownerId, day(r.openedAt)]));
		if (num(r.closedAt) && r.closedAt >= r.openedAt)
			out.push(one(['r', r.ownerId, day(r.closedAt)], r.closedAt - r.openedAt));
		return out;
	}
	if (table === 'orders') {
		if (!num(r.at) || !amount || !num(amount.minor) || !str(amount.currency)) return [];
		const k = ['o', r.ownerId, localDay(r.at, offsetMin), amount.currency] as const;
		return [{ k, n: 1, minor: amount.minor, weighted: 0 }];
	}
	if (!str(r.stage)) return [];
	// A deal is counted in its stage even without a usable amount (as the pipeline chart does).
	const valued = !!amount && num(amount.minor) && amount.minor >= 0 && str(amount.currency);
	const minor = valued ? (amount.minor as number) : 0;
	const probability = num(r.probability) ? clampProbability(r.probability) : 0;
	const out: Tally[] = [
		{
			k: ['p', r.ownerId, r.stage, valued ? (amount.currency as string) : ''],
			n: 1,
			minor,
			weighted: minor * probability
		}
	];
	if (str(r.expectedClose) && parseIsoDate(r.expectedClose))
		out.push({
			k: ['c', r.ownerId, r.stage, r.expectedClose.slice(0, 7)],
			n: 1,
			minor: 0,
			weighted: 0
		});
	return out;
}

/** The trashed day of a customer that is not trashed: after every day a period can end on. */
export const NEVER_DAY = 2 ** 31 - 1;

/** A customer's one tally, trashed or not (see the `u` kind above). */
function customerTallies(r: Record<string, unknown>, ownerId: string, offsetMin: number): Tally[] {
	if (!num(r.createdAt)) return [];
	const trashed = num(r.trashedAt) ? localDay(r.trashedAt, offsetMin) : NEVER_DAY;
	const churned = r.stage === 'churned' ? 1 : 0;
	const created = localDay(r.createdAt, offsetMin);
	return [
		one(['u', ownerId, created, trashed, churned]),
		one(['U', ownerId, monthOfDay(created), trashed, churned])
	];
}

/** The month of a local day, counted in months since January 1970 (0). */
export function monthOfDay(day: number): number {
	const d = new Date(day * DAY_MS);
	return (d.getUTCFullYear() - 1970) * 12 + d.getUTCMonth();
}

/** The first local day of a month counted by `monthOfDay`. */
export function firstDayOfMonth(month: number): number {
	return Date.UTC(1970 + Math.floor(month / 12), ((month % 12) + 12) % 12, 1) / DAY_MS;
}

/** Changes to the tallies summed over a batch of writes, one entry per key touched. */
export class TallyDeltas {
	readonly #byKey = new Map<string, Tally>();

	/** Adds what `record` contributes (`sign` 1 when it is stored, -1 when it goes). */
	add(table: TalliedTable, record: unknown, sign: 1 | -1, offsetMin: number): void {
		for (const t of talliesOfRecord(table, record, offsetMin)) {
			const id = JSON.stringify(t.k);
			const d = this.#byKey.get(id) ?? { k: t.k, n: 0, minor: 0, weighted: 0 };
			d.n += sign * t.n;
			d.minor += sign * t.minor;
			d.weighted += sign * t.weighted;
			this.#byKey.set(id, d);
		}
	}

	/** Whether a change to the tally of key `k` is held here. */
	has(k: unknown): boolean {
		return this.#byKey.has(JSON.stringify(k));
	}

	/** The deltas that change something. */
	list(): Tally[] {
		return [...this.#byKey.values()]
			.filter((d) => d.n !== 0 || d.minor !== 0 || d.weighted !== 0)
			.map(withRosterKey);
	}
}

/** A stored tally with a delta applied (a missing one counts as zero). */
export function applyDelta(stored: TallySums | undefined, delta: Tally): Tally {
	return withRosterKey({
		k: delta.k,
		n: (stored?.n ?? 0) + delta.n,
		minor: (stored?.minor ?? 0) + delta.minor,
		weighted: (stored?.weighted ?? 0) + delta.weighted
	});
}

/** Every tally of a set of records, built from nothing (a migration, or a check in tests). */
export function talliesOf(
	table: TalliedTable,
	records: Iterable<unknown>,
	offsetMin: number
): Tally[] {
	const deltas = new TallyDeltas();
	for (const r of records) deltas.add(table, r, 1, offsetMin);
	return deltas.list();
}
