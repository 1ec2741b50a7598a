import type { ContactPerson, Customer } from '../domain/customer/customer';
import type { Deal } from '../domain/deal/deal';
import type { DealStageChange } from '../domain/deal/stage-history';
import type { Feedback } from '../domain/feedback/feedback';
import type { Goal } from '../domain/goal/goal';
import type { LadderLevel } from '../domain/growth/ladder-level';
import type {
	StoredCourse,
	StoredTrainingPlan,
	StoredTrainingRecord
} from '../domain/growth/synced';
import type { Interaction } from '../domain/interaction/interaction';
import type { Member } from '../domain/member/member';
import type { Order } from '../domain/order/order';
import type {
	PayAck,
	StoredAdjustment,
	StoredContest,
	StoredDispute,
	StoredPayClose,
	StoredPayPlan,
	StoredStandings,
	StoredStatement,
	StoredTeamBonus
} from '../domain/pay/synced';
import type {
	StoredChecklist,
	StoredChecklistTick,
	StoredDailyReport,
	StoredWorkPlan
} from '../domain/plan/synced';
import type { Review } from '../domain/review/review';
import type { PeriodClose } from '../domain/team/frozen';
import type { MemberFact } from '../domain/team/member-fact';
import type { TeamSetting } from '../domain/team/team-settings';
import { OPEN_KEY_FIELDS } from '../domain/shared/open-keys';
import type { Task } from '../domain/task/task';
import type { Ticket } from '../domain/ticket/ticket';
import type { Synced } from './stamp';

/**
 * The synced tables: the records that are stamped, carried in snapshot files and merged field by
 * field. A new synced table is added here and nowhere else: the list of their names, the fields a
 * snapshot reader checks, the merge's derived fields, the mask options of an export, the erasure's
 * search and the lookups of who owns a record or what it belongs to all read this registry. (The
 * Dexie schema names its tables itself, since a migration is dated history;
 * db/synced-tables.test.ts checks that every table here is in the latest schema with the indexes
 * these lookups read.)
 *
 * Each entry is checked against its record's type in src/lib/domain, and says:
 * - `fields`: every field of that type but `id` and `_meta`, with the kind a snapshot reader
 *   checks its value against. Enumerations (tier, stage …) are kinds of text only: a newer app
 *   may add a value, and refusing its records would drop data. A field missing here would be
 *   kept in `_extra` as one written by a newer version;
 * - `derived`: fields computed from other data (searchKeys from name and phones, lastContactAt
 *   from the log, the open-only index keys): merging them would mix two half-answers, so they are
 *   never stamped, merged nor exported, and are recomputed after each change;
 * - `owner`: the field naming the team member whose record it is (null: none). A member's
 *   records name them, they are not parts of them: erasing a member keeps the records they own;
 * - `privateTo`: the field naming the member a record is confidential to (their goals, reviews,
 *   pay, plans), or null: such a record leaves a device only in that member's own file, in the
 *   file that member sends the lead, or in a backup (sync/confidential.ts);
 * - `parents`: what the record is a part of, by the field holding the parent's id: it goes with
 *   its customer when the customer is purged or erased, and Undo of an import keeps it with a
 *   parent that stays;
 * - `personal`: the fields that hold personal data (names, contact details, free text where people
 *   write about people), each with the kind of personal data it is: an export's mask options and
 *   the erasure's search are made of these.
 */

/** The shape of a field's value, as restore() checks it (io/snapshot/field-kinds.ts). */
export type FieldKind =
	| 'string' // text, at most MAX_TEXT characters
	| 'id' // short identifier
	| 'id?' // identifier or null
	| 'number' // finite
	| 'number?' // finite or null
	| 'boolean'
	| 'strings' // string[]
	| 'money' // { minor: safe integer, currency: 3 letters }
	| 'date?' // 'YYYY-MM-DD', '' or null
	| 'json'; // plain data (objects, lists, text, numbers, booleans, null), at most MAX_JSON long

/** The kinds of personal data, one per mask option of an export, in the order of its form. */
export const PERSONAL_DATA = [
	'names',
	'phones',
	'emails',
	'wechat',
	'address',
	'birthday',
	'notes',
	'summaries'
] as const;
export type PersonalData = (typeof PERSONAL_DATA)[number];

/** The fields of a record type that are data: all but its id and stamps. */
type DomainField<R> = Exclude<keyof R, keyof Synced> & string;

interface TableSpec<R extends Synced> {
	fields: { readonly [K in DomainField<R>]-?: FieldKind };
	derived: readonly string[];
	owner: DomainField<R> | null;
	privateTo: DomainField<R> | null;
	parents: readonly { table: string; field: DomainField<R> }[];
	personal: { readonly [K in DomainField<R>]?: PersonalData };
}

/** An entry for records of type R: its fields must be exactly R's. */
const synced = <R extends Synced>(spec: TableSpec<R>): TableSpec<R> => spec;

const common = { trashedAt: 'number?', demo: 'boolean' } as const;
const ofCustomer = { table: 'customers', field: 'customerId' } as const;
const ofDeal = { table: 'deals', field: 'dealId' } as const;

/** In the order snapshots list them and the database is searched. */
export const SYNCED_TABLE_SPECS = {
	members: synced<Member>({
		fields: {
			name: 'string',
			role: 'string',
			email: 'string',
			phone: 'string',
			region: 'string',
			startDate: 'date?',
			...common
		},
		derived: [],
		owner: null,
		privateTo: null,
		parents: [],
		personal: { name: 'names', email: 'emails', phone: 'phones' }
	}),
	customers: synced<Customer>({
		fields: {
			kind: 'string',
			name: 'string',
			company: 'string',
			phones: 'strings',
			emails: 'strings',
			wechat: 'string',
			address: 'string',
			city: 'string',
			industry: 'string',
			source: 'string',
			tier: 'string',
			stage: 'string',
			tags: 'strings',
			ownerId: 'id',
			birthday: 'date?',
			needs: 'string',
			notes: 'string',
			createdAt: 'number',
			lastContactAt: 'number?',
			searchKeys: 'string',
			...common
		},
		derived: ['searchKeys', 'lastContactAt'],
		owner: 'ownerId',
		privateTo: null,
		parents: [],
		personal: {
			name: 'names',
			phones: 'phones',
			emails: 'emails',
			wechat: 'wechat',
			address: 'address',
			birthday: 'birthday',
			needs: 'notes',
			notes: 'notes'
		}
	}),
	contacts: synced<ContactPerson>({
		fields: {
			customerId: 'id',
			name: 'string',
			title: 'string',
			phones: 'strings',
			emails: 'strings',
			wechat: 'string',
			isPrimary: 'boolean',
			notes: 'string',
			...common
		},
		derived: [],
		owner: null,
		privateTo: null,
		parents: [ofCustomer],
		personal: {
			name: 'names',
			phones: 'phones',
			emails: 'emails',
			wechat: 'wechat',
			notes: 'notes'
		}
	}),
	interactions: synced<Interaction>({
		fields: {
			customerId: 'id',
			type: 'string',
			at: 'number',
			durationMinutes: 'number?',
			summary: 'string',
			outcome: 'string',
			satisfaction: 'number?',
			nextFollowUp: 'date?',
			ownerId: 'id',
			...common
		},
		derived: [],
		owner: 'ownerId',
		privateTo: null,
		parents: [ofCustomer],
		personal: { summary: 'summaries', outcome: 'summaries' }
	}),
	tasks: synced<Task>({
		fields: {
			title: 'string',
			dueAt: 'number',
			priority: 'string',
			customerId: 'id?',
			dealId: 'id?',
			fromInteractionId: 'id?',
			kind: 'string',
			done: 'boolean',
			doneAt: 'number?',
			ownerId: 'id',
			...common
		},
		derived: [OPEN_KEY_FIELDS.tasks],
		owner: 'ownerId',
		privateTo: null,
		parents: [ofCustomer, ofDeal],
		personal: { title: 'notes' }
	}),
	deals: synced<Deal>({
		fields: {
			customerId: 'id',
			title: 'string',
			stage: 'string',
			amount: 'money',
			expectedClose: 'date?',
			probability: 'number',
			products: 'strings',
			competitor: 'string',
			nextStep: 'string',
			lostReason: 'string',
			ownerId: 'id',
			createdAt: 'number',
			closedAt: 'number?',
			...common
		},
		derived: [],
		owner: 'ownerId',
		privateTo: null,
		parents: [ofCustomer],
		personal: { title: 'notes', nextStep: 'notes', lostReason: 'notes' }
	}),
	orders: synced<Order>({
		fields: {
			customerId: 'id',
			dealId: 'id?',
			at: 'number',
			amount: 'money',
			products: 'strings',
			notes: 'string',
			ownerId: 'id',
			...common
		},
		derived: [],
		owner: 'ownerId',
		privateTo: null,
		parents: [ofCustomer, ofDeal],
		personal: { notes: 'notes' }
	}),
	// A deal's move between stages (or its creation), kept for the conversion funnel.
	dealStageChanges: synced<DealStageChange>({
		fields: {
			dealId: 'id',
			customerId: 'id',
			from: 'id?',
			to: 'id',
			at: 'number',
			ownerId: 'id',
			trashedAt: 'number?'
		},
		derived: [],
		owner: 'ownerId',
		privateTo: null,
		parents: [ofCustomer, ofDeal],
		personal: {}
	}),
	tickets: synced<Ticket>({
		fields: {
			customerId: 'id',
			kind: 'string',
			status: 'string',
			priority: 'string',
			title: 'string',
			description: 'string',
			department: 'string',
			handoverNote: 'string',
			resolution: 'string',
			openedAt: 'number',
			deadlineAt: 'number',
			closedAt: 'number?',
			satisfaction: 'number?',
			ownerId: 'id',
			...common
		},
		derived: [OPEN_KEY_FIELDS.tickets],
		owner: 'ownerId',
		privateTo: null,
		parents: [ofCustomer],
		personal: {
			title: 'notes',
			description: 'notes',
			handoverNote: 'notes',
			resolution: 'notes'
		}
	}),
	feedback: synced<Feedback>({
		fields: {
			customerId: 'id',
			kind: 'string',
			score: 'number',
			channel: 'string',
			comment: 'string',
			at: 'number',
			ownerId: 'id',
			...common
		},
		derived: [],
		owner: 'ownerId',
		privateTo: null,
		parents: [ofCustomer],
		personal: { comment: 'notes' }
	}),
	goals: synced<Goal>({
		fields: {
			ownerId: 'id',
			metric: 'string',
			periodKind: 'string',
			periodStart: 'date?',
			target: 'number',
			// Market share entered by the lead (domain/goal/entered.ts); absent on other goals.
			enteredActual: 'number?',
			setBy: 'id',
			...common
		},
		derived: [],
		owner: 'ownerId',
		privateTo: 'ownerId',
		parents: [],
		personal: {}
	}),
	reviews: synced<Review>({
		// The scorecard, KPI lines, ratings (with the lead's comments) and plan are structured:
		// each merges as one value, and the mask cannot reach the texts inside them. A review is
		// confidential to its member: no file that leaves the team is meant to carry it.
		fields: {
			memberId: 'id',
			periodStart: 'date?',
			periodKind: 'string',
			scorecard: 'json',
			kpis: 'json',
			ratings: 'json',
			strengths: 'string',
			plan: 'json',
			score: 'number?',
			notes: 'string',
			reviewerId: 'id',
			at: 'number',
			leadSignedAt: 'number?',
			memberSignedAt: 'number?',
			memberComment: 'string',
			...common
		},
		derived: [],
		owner: 'memberId',
		privateTo: 'memberId',
		parents: [],
		personal: { notes: 'notes', strengths: 'notes', memberComment: 'notes' }
	}),
	levels: synced<LadderLevel>({
		fields: {
			name: 'string',
			rank: 'number',
			monthsAtLevel: 'number?',
			attainmentPeriods: 'number?',
			attainmentMinPct: 'number?',
			minReviewScore: 'number?',
			trainingCount: 'number?',
			trainingCourseIds: 'strings',
			...common
		},
		derived: [],
		owner: null,
		privateTo: null,
		parents: [],
		personal: {}
	}),
	memberFacts: synced<MemberFact>({
		fields: {
			memberId: 'id',
			kind: 'string',
			value: 'id?',
			from: 'date?',
			note: 'string',
			...common
		},
		derived: [],
		owner: 'memberId',
		privateTo: null,
		parents: [],
		personal: { note: 'notes' }
	}),
	periodCloses: synced<PeriodClose>({
		fields: {
			periodKind: 'string',
			start: 'date?',
			end: 'date?',
			zone: 'string',
			figures: 'json',
			closedAt: 'number',
			closedBy: 'id',
			...common
		},
		derived: [],
		owner: null,
		privateTo: null,
		parents: [],
		personal: {}
	}),
	teamSettings: synced<TeamSetting>({
		fields: { key: 'id', value: 'json' },
		derived: [],
		owner: null,
		privateTo: null,
		parents: [],
		personal: {}
	}),
	// Growth: the team's courses, who took them, and each member's training plan for a period.
	courses: synced<StoredCourse>({
		fields: {
			title: 'string',
			kind: 'string',
			hours: 'number',
			required: 'boolean',
			trashedAt: 'number?'
		},
		derived: [],
		owner: null,
		privateTo: null,
		parents: [],
		personal: {}
	}),
	trainingRecords: synced<StoredTrainingRecord>({
		fields: {
			memberId: 'id',
			courseId: 'id',
			date: 'date?',
			hours: 'number',
			result: 'string',
			score: 'number?',
			certificateNote: 'string',
			trashedAt: 'number?'
		},
		derived: [],
		owner: 'memberId',
		privateTo: null,
		parents: [{ table: 'courses', field: 'courseId' }],
		personal: { certificateNote: 'notes' }
	}),
	trainingPlans: synced<StoredTrainingPlan>({
		fields: { memberId: 'id', start: 'date?', end: 'date?', courseIds: 'strings' },
		derived: [],
		owner: 'memberId',
		privateTo: 'memberId',
		parents: [],
		personal: {}
	}),
	// The team's rhythm: work plans, daily reports (日报), and the lead's checklists with their ticks.
	workPlans: synced<StoredWorkPlan>({
		fields: {
			memberId: 'id',
			span: 'string',
			start: 'date?',
			planned: 'json',
			dealIds: 'strings',
			leadComment: 'string',
			trashedAt: 'number?'
		},
		derived: [],
		owner: 'memberId',
		privateTo: 'memberId',
		parents: [],
		personal: { leadComment: 'notes' }
	}),
	dailyReports: synced<StoredDailyReport>({
		fields: {
			memberId: 'id',
			date: 'date?',
			figures: 'json',
			problems: 'string',
			helpNeeded: 'string',
			tomorrowPlan: 'string',
			sentAt: 'number?',
			leadComment: 'string'
		},
		derived: [],
		owner: 'memberId',
		privateTo: 'memberId',
		parents: [],
		personal: {
			problems: 'notes',
			helpNeeded: 'notes',
			tomorrowPlan: 'notes',
			leadComment: 'notes'
		}
	}),
	checklists: synced<StoredChecklist>({
		fields: { scope: 'json', items: 'json', trashedAt: 'number?' },
		derived: [],
		owner: null,
		privateTo: null,
		parents: [],
		personal: {}
	}),
	checklistTicks: synced<StoredChecklistTick>({
		fields: {
			checklistId: 'id',
			itemId: 'id',
			recordId: 'id',
			done: 'boolean',
			by: 'id',
			at: 'number'
		},
		derived: [],
		owner: null,
		privateTo: null,
		// A tick is about one deal or ticket (ids never collide across tables).
		parents: [
			{ table: 'checklists', field: 'checklistId' },
			{ table: 'deals', field: 'recordId' },
			{ table: 'tickets', field: 'recordId' }
		],
		personal: {}
	}),
	// Pay (domain/pay/): the lead's plans, closes, statements, adjustments, team bonuses and
	// contests, and each member's acknowledgements and disputes. A member's pay is theirs alone.
	payPlans: synced<StoredPayPlan>({
		// Brackets and the performance bonus are structured: each merges as one value.
		fields: {
			levelId: 'id',
			effective: 'date?',
			currency: 'string',
			baseMinor: 'number',
			targetMinor: 'number',
			brackets: 'json',
			performanceBonus: 'json',
			trashedAt: 'number?'
		},
		derived: [],
		owner: null,
		privateTo: null,
		parents: [],
		personal: {}
	}),
	payCloses: synced<StoredPayClose>({
		fields: {
			start: 'date?',
			end: 'date?',
			zone: 'string',
			statementIds: 'strings',
			closedAt: 'number',
			closedBy: 'id'
		},
		derived: [],
		owner: null,
		privateTo: null,
		parents: [],
		personal: {}
	}),
	payStatements: synced<StoredStatement>({
		// Written once, when the month closes; its lines are one value, never merged line by line.
		fields: {
			memberId: 'id',
			period: 'json',
			currency: 'string',
			plan: 'json',
			targetMinor: 'number',
			sales: 'json',
			reviewScore: 'number?',
			lines: 'json',
			totalMinor: 'number',
			computedAt: 'number',
			closedAt: 'number?'
		},
		derived: [],
		owner: 'memberId',
		privateTo: 'memberId',
		parents: [],
		personal: {}
	}),
	payAdjustments: synced<StoredAdjustment>({
		fields: {
			memberId: 'id',
			kind: 'string',
			minor: 'number',
			currency: 'string',
			sourcePeriodStart: 'date?',
			periodStart: 'date?',
			reasons: 'strings',
			removedOrderIds: 'strings',
			addedOrderIds: 'strings',
			lines: 'json',
			note: 'string',
			createdAt: 'number',
			createdBy: 'id'
		},
		derived: [],
		owner: 'memberId',
		privateTo: 'memberId',
		parents: [],
		personal: { note: 'notes' }
	}),
	payTeamBonuses: synced<StoredTeamBonus>({
		fields: {
			periodStart: 'date?',
			pot: 'money',
			method: 'string',
			memberIds: 'strings',
			note: 'string',
			trashedAt: 'number?'
		},
		derived: [],
		owner: null,
		privateTo: null,
		parents: [],
		personal: { note: 'notes' }
	}),
	payAcks: synced<PayAck>({
		fields: { memberId: 'id', kind: 'string', subjectId: 'id', at: 'number' },
		derived: [],
		owner: 'memberId',
		privateTo: 'memberId',
		parents: [],
		personal: {}
	}),
	payDisputes: synced<StoredDispute>({
		fields: {
			statementId: 'id',
			lineKey: 'string',
			memberId: 'id',
			comment: 'string',
			at: 'number'
		},
		derived: [],
		owner: 'memberId',
		privateTo: 'memberId',
		parents: [],
		personal: { comment: 'notes' }
	}),
	contests: synced<StoredContest>({
		fields: {
			title: 'string',
			metric: 'string',
			currency: 'id?',
			start: 'date?',
			end: 'date?',
			prize: 'string',
			prizeAmount: 'json',
			trashedAt: 'number?'
		},
		derived: [],
		owner: null,
		privateTo: null,
		parents: [],
		personal: {}
	}),
	// The lead publishes a contest's ranks and values: the one figure of colleagues a manager sees.
	contestStandings: synced<StoredStandings>({
		fields: { contestId: 'id', computedAt: 'number', rows: 'json' },
		derived: [],
		owner: null,
		privateTo: null,
		parents: [],
		personal: {}
	})
};

export type SyncedTable = keyof typeof SYNCED_TABLE_SPECS;

/** The tables whose records are stamped, exported in snapshots and merged. */
export const SYNCED_TABLES = Object.keys(SYNCED_TABLE_SPECS) as readonly SyncedTable[];

export function isSyncedTable(name: string): name is SyncedTable {
	return Object.hasOwn(SYNCED_TABLE_SPECS, name);
}

/** What every entry says, without its record type. */
export interface SyncedTableSpec {
	fields: Readonly<Record<string, FieldKind>>;
	derived: readonly string[];
	owner: string | null;
	privateTo: string | null;
	parents: readonly { table: string; field: string }[];
	personal: Readonly<Record<string, PersonalData | undefined>>;
}

/** The entry of a table; undefined for one this version does not know (a newer app's). */
export function specOf(table: string): SyncedTableSpec | undefined {
	return isSyncedTable(table) ? SYNCED_TABLE_SPECS[table] : undefined;
}

/** The fields of a table this version knows, with their kinds (undefined: an unknown table). */
export function fieldKinds(table: string): Readonly<Record<string, FieldKind>> | undefined {
	return specOf(table)?.fields;
}

/** A table's derived fields; a table unknown to this version (a newer app's) has none. */
export function derivedFields(table: string): readonly string[] {
	return specOf(table)?.derived ?? [];
}

/** A table whose records name their owner, and the field that does. */
export interface OwnedBy {
	table: SyncedTable;
	field: string;
}

/** Every table whose records belong to a team member, with the field naming them. */
export const OWNED_TABLES: readonly OwnedBy[] = SYNCED_TABLES.flatMap((table) => {
	const field = specOf(table)?.owner;
	return field ? [{ table, field }] : [];
});

/** A link from a part to its parent: the part's table, the field holding the parent's id. */
export interface PartOf {
	table: SyncedTable;
	field: string;
	parent: SyncedTable;
}

/** Every part-of link, grouped by parent in the order of the registry. */
export const PART_LINKS: readonly PartOf[] = SYNCED_TABLES.flatMap((parent) =>
	SYNCED_TABLES.flatMap((table) =>
		(specOf(table)?.parents ?? [])
			.filter((p) => p.table === parent)
			.map((p) => ({ table, field: p.field, parent }))
	)
);

/** The tables whose records are parts of a `parent` record through `field`. */
export function partsOf(parent: SyncedTable, field: string): SyncedTable[] {
	return PART_LINKS.filter((l) => l.parent === parent && l.field === field).map((l) => l.table);
}

/**
 * The tables whose records hang off a customer through `customerId`: purged and erased with it,
 * exported with it in "my customers" and a selection, moved when customers are merged.
 */
export const CUSTOMER_PARTS: readonly SyncedTable[] = partsOf('customers', 'customerId');

/** Every personal field as `table.field`, by the kind of personal data it holds. */
export const PERSONAL_FIELDS: Readonly<Record<PersonalData, readonly string[]>> =
	Object.fromEntries(
		PERSONAL_DATA.map((kind) => [
			kind,
			SYNCED_TABLES.flatMap((table) =>
				Object.entries(specOf(table)?.personal ?? {})
					.filter(([, k]) => k === kind)
					.map(([field]) => `${table}.${field}`)
			)
		])
	) as Record<PersonalData, string[]>;

/**
 * Personal data specific enough to find the person by in copies of their data (Undo data, audit
 * detail, conflicts): free text, addresses and birthdays would match other people's records.
 */
const IDENTIFYING: ReadonlySet<PersonalData> = new Set(['names', 'phones', 'emails', 'wechat']);

/** The fields of a table that identify a person (name, phones, emails, WeChat). */
export function identifyingFields(table: string): string[] {
	return Object.entries(specOf(table)?.personal ?? {})
		.filter(([, kind]) => kind !== undefined && IDENTIFYING.has(kind))
		.map(([field]) => field);
}
