import type { EpochMs, FieldError, Id, IsoDate, Result } from '../shared/types';
import {
	historiesByMember,
	isLive,
	timelineOf,
	timelineValueAt,
	validateDated,
	valueAt,
	type DatedEntry,
	type DatedErrorCode,
	type Timeline
} from './dated';

/**
 * Who reports to whom, over time: each member's reporting line is a dated history (dated.ts) of
 * the manager's id, or null for nobody. On any date the lines must form a forest; a line that
 * closes a loop (A reports to B who reports to A, or to oneself) is refused.
 */

export type ReportingEntry = DatedEntry<Id | null>;

export interface ReportingCycle {
	/** First day the loop is in force. */
	from: IsoDate;
	/** The members in the loop, starting with the smallest id. */
	members: Id[];
}

export type HierarchyErrorCode = 'reporting_cycle';
export type ReportingLineErrorCode = DatedErrorCode | 'reports_to_self' | 'reporting_cycle';

function managersOn(histories: Map<Id, ReportingEntry[]>, date: IsoDate): Map<Id, Id> {
	const out = new Map<Id, Id>();
	for (const [member, history] of histories) {
		const manager = valueAt(history, date);
		if (manager) out.set(member, manager);
	}
	return out;
}

function loopsIn(managers: Map<Id, Id>): Id[][] {
	const done = new Set<Id>();
	const loops: Id[][] = [];
	for (const start of managers.keys()) {
		const path: Id[] = [];
		const onPath = new Set<Id>();
		let m: Id | undefined = start;
		while (m !== undefined && !done.has(m) && !onPath.has(m)) {
			path.push(m);
			onPath.add(m);
			m = managers.get(m);
		}
		if (m !== undefined && onPath.has(m)) {
			const loop = path.slice(path.indexOf(m));
			const first = loop.indexOf([...loop].sort()[0] ?? m);
			loops.push([...loop.slice(first), ...loop.slice(0, first)]);
		}
		for (const p of path) done.add(p);
	}
	return loops;
}

/**
 * Every loop in the reporting lines, with the first day it is in force. The lines only change on
 * the records' dates, so checking the forest on each of those dates checks every date.
 */
export function findReportingCycles(lines: Iterable<ReportingEntry>): ReportingCycle[] {
	const histories = historiesByMember<Id | null, ReportingEntry>(lines);
	const dates = new Set<IsoDate>();
	for (const list of histories.values()) for (const r of list) dates.add(r.from);
	const seen = new Set<string>();
	const cycles: ReportingCycle[] = [];
	for (const date of [...dates].sort()) {
		for (const members of loopsIn(managersOn(histories, date))) {
			const key = members.join('\u0000');
			if (seen.has(key)) continue;
			seen.add(key);
			cycles.push({ from: date, members });
		}
	}
	return cycles;
}

/** Codes for a reporting line a person is about to save, given the lines already stored. */
export function validateReportingLine(
	existing: Iterable<ReportingEntry>,
	draft: ReportingEntry
): FieldError<ReportingLineErrorCode>[] {
	const errors: FieldError<ReportingLineErrorCode>[] = validateDated(draft);
	if (errors.length) return errors;
	if (draft.value === draft.memberId) return [{ field: 'value', code: 'reports_to_self' }];
	const kept = [...existing].filter((r) => r.id !== draft.id);
	const before = new Set(findReportingCycles(kept).map((c) => c.members.join('\u0000')));
	const after = findReportingCycles([...kept, draft]);
	if (after.some((c) => !before.has(c.members.join('\u0000'))))
		return [{ field: 'value', code: 'reporting_cycle' }];
	return [];
}

/**
 * The reporting lines compiled for many lookups: a chain from a member up to the top at any
 * instant, cached per stretch of time in which no line changes (a period of a million facts
 * touches a handful of stretches).
 */
export class Hierarchy {
	private readonly timelines = new Map<Id, Timeline<Id | null>>();
	/** Every instant at which some line changes, ascending. */
	private readonly changes: EpochMs[];
	private readonly chains = new Map<number, Map<Id, readonly Id[]>>();

	private constructor(
		readonly zone: string,
		histories: Map<Id, ReportingEntry[]>
	) {
		const changes = new Set<EpochMs>();
		for (const [member, history] of histories) {
			const t = timelineOf(history, zone);
			this.timelines.set(member, t);
			for (const at of t.at) changes.add(at);
		}
		this.changes = [...changes].sort((a, b) => a - b);
	}

	/** Compiles the lines in the team zone; refused when they close a loop on any date. */
	static build(
		lines: Iterable<ReportingEntry>,
		zone: string
	): Result<Hierarchy, HierarchyErrorCode> & { cycles: ReportingCycle[] } {
		const live = [...lines].filter(isLive);
		const cycles = findReportingCycles(live);
		if (cycles.length)
			return { ok: false, errors: [{ field: 'reportsTo', code: 'reporting_cycle' }], cycles };
		const histories = historiesByMember<Id | null, ReportingEntry>(live);
		return { ok: true, value: new Hierarchy(zone, histories), cycles };
	}

	/** Who the member reports to at an instant; null at the top or before their first line. */
	managerAt(member: Id, at: EpochMs): Id | null {
		const t = this.timelines.get(member);
		return (t && timelineValueAt(t, at)) ?? null;
	}

	/** The member, their manager, the manager's manager … up to the top, at an instant. */
	chainAt(member: Id, at: EpochMs): readonly Id[] {
		const stretch = this.stretchOf(at);
		let cache = this.chains.get(stretch);
		if (!cache) this.chains.set(stretch, (cache = new Map()));
		let chain = cache.get(member);
		if (!chain) {
			const ids = [member];
			// build() refused loops, so the walk ends; the bound guards against a bug all the same.
			for (let m = this.managerAt(member, at); m !== null && ids.length <= this.timelines.size;) {
				ids.push(m);
				m = this.managerAt(m, at);
			}
			cache.set(member, (chain = ids));
		}
		return chain;
	}

	/**
	 * Whether no line changes inside the span: then every instant of it has the chains of its
	 * first, and a sum over the span rolls up as its first instant's would.
	 */
	steadyOver(span: { startAt: EpochMs; endAt: EpochMs }): boolean {
		return this.stretchOf(span.startAt) === this.stretchOf(span.endAt - 1);
	}

	/** Everyone under `manager` at an instant, directly or not (the manager not included). */
	reportsAt(manager: Id, at: EpochMs): Id[] {
		return [...this.timelines.keys()].filter(
			(m) => m !== manager && this.chainAt(m, at).includes(manager)
		);
	}

	private stretchOf(at: EpochMs): number {
		let lo = 0;
		let hi = this.changes.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if ((this.changes[mid] ?? Infinity) <= at) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}
}
