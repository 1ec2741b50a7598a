import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { ContactPerson, Customer } from '$lib/domain/customer/customer';
import type { Deal } from '$lib/domain/deal/deal';
import type { DealStageChange } from '$lib/domain/deal/stage-history';
import type { Feedback } from '$lib/domain/feedback/feedback';
import type { Goal } from '$lib/domain/goal/goal';
import type { LadderLevel } from '$lib/domain/growth/ladder-level';
import type {
	StoredCourse,
	StoredTrainingPlan,
	StoredTrainingRecord
} from '$lib/domain/growth/synced';
import type { Interaction } from '$lib/domain/interaction/interaction';
import type { Member } from '$lib/domain/member/member';
import type { Order } from '$lib/domain/order/order';
import type { PayAsideEntry } from '$lib/domain/pay/screen';
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
} from '$lib/domain/pay/synced';
import type { ChecklistFlagEntry } from '$lib/domain/plan/flags';
import type {
	StoredChecklist,
	StoredChecklistTick,
	StoredDailyReport,
	StoredWorkPlan
} from '$lib/domain/plan/synced';
import type { Review } from '$lib/domain/review/review';
import type { PeriodClose } from '$lib/domain/team/frozen';
import type { MemberFact } from '$lib/domain/team/member-fact';
import type { TeamSetting } from '$lib/domain/team/team-settings';
import type { Task } from '$lib/domain/task/task';
import type { Ticket } from '$lib/domain/ticket/ticket';
import type { Tombstone } from '$lib/sync/tombstone';
import { v1 } from './migrations/v1';
import { v2 } from './migrations/v2';
import { v3 } from './migrations/v3';
import { v4 } from './migrations/v4';
import { v5 } from './migrations/v5';
import { v6 } from './migrations/v6';
import { v7 } from './migrations/v7';
import { v8 } from './migrations/v8';
import { v9, type UpgradeReport } from './migrations/v9';
import { v10 } from './migrations/v10';
import { v11 } from './migrations/v11';
import { v12 } from './migrations/v12';
import { v13 } from './migrations/v13';
import { v14 } from './migrations/v14';
import { v15 } from './migrations/v15';
import { v16 } from './migrations/v16';
import { v17 } from './migrations/v17';
import type { WorkMark } from '$lib/domain/team/staleness';
import type { FunnelTally } from '$lib/domain/deal/funnel-paths';
import { TALLY_META_KEY, type Tally, type TallyMeta } from '$lib/domain/reports/tallies';
import {
	changeCounterMiddleware,
	type ChangeCount,
	CHANGE_COUNTER_STORE
} from './change-counter-middleware';
import { openKeysMiddleware } from './open-keys-middleware';
import { talliesMiddleware } from './tallies-middleware';
import { funnelPathsMiddleware } from './funnel-paths-middleware';

/** One schema version: its stores, and what its upgrade does to the stored data (if anything). */
export interface Migration {
	version: number;
	stores: Readonly<Record<string, string>>;
	/** `report` says how far a long upgrade got (the app shows it while it runs). */
	upgrade?: (tx: Transaction, report: UpgradeReport) => void | PromiseLike<unknown>;
}

/** Numbered migrations, oldest first. A new one is appended here and gets its own test. */
export const MIGRATIONS = [
	v1,
	v2,
	v3,
	v4,
	v5,
	v6,
	v7,
	v8,
	v9,
	v10,
	v11,
	v12,
	v13,
	v14,
	v15,
	v16,
	v17
] as const satisfies Migration[];
export const DB_VERSION = v17.version;
export const DB_NAME = 'rapport';

export interface Setting {
	key: string;
	value: unknown;
}

export interface ConflictEntry {
	id: string;
	table: string;
	recordId: string;
	field: string;
	lostValue: unknown;
	lostHlc: string;
	wonHlc: string;
	at: number;
}

export interface AuditEntry {
	id: string;
	at: number;
	action: string;
	detail: Record<string, unknown>;
}

export interface ImportEntry {
	id: string;
	at: number;
	state: 'pending' | 'committed' | 'undone';
	detail: Record<string, unknown>;
}

/** A slice of an import, staged before commit or kept for Undo after it (see migrations/v3.ts). */
export interface ImportBatch {
	importId: string;
	seq: number;
	kind: 'stage' | 'undo';
	table: string;
	records: unknown[];
}

export type RapportDB = Dexie & {
	members: EntityTable<Member, 'id'>;
	customers: EntityTable<Customer, 'id'>;
	contacts: EntityTable<ContactPerson, 'id'>;
	interactions: EntityTable<Interaction, 'id'>;
	tasks: EntityTable<Task, 'id'>;
	deals: EntityTable<Deal, 'id'>;
	dealStageChanges: EntityTable<DealStageChange, 'id'>;
	orders: EntityTable<Order, 'id'>;
	tickets: EntityTable<Ticket, 'id'>;
	feedback: EntityTable<Feedback, 'id'>;
	goals: EntityTable<Goal, 'id'>;
	reviews: EntityTable<Review, 'id'>;
	levels: EntityTable<LadderLevel, 'id'>;
	memberFacts: EntityTable<MemberFact, 'id'>;
	periodCloses: EntityTable<PeriodClose, 'id'>;
	teamSettings: EntityTable<TeamSetting, 'id'>;
	courses: EntityTable<StoredCourse, 'id'>;
	trainingRecords: EntityTable<StoredTrainingRecord, 'id'>;
	trainingPlans: EntityTable<StoredTrainingPlan, 'id'>;
	workPlans: EntityTable<StoredWorkPlan, 'id'>;
	dailyReports: EntityTable<StoredDailyReport, 'id'>;
	checklists: EntityTable<StoredChecklist, 'id'>;
	checklistTicks: EntityTable<StoredChecklistTick, 'id'>;
	checklistFlags: EntityTable<ChecklistFlagEntry, 'id'>;
	payPlans: EntityTable<StoredPayPlan, 'id'>;
	payCloses: EntityTable<StoredPayClose, 'id'>;
	payStatements: EntityTable<StoredStatement, 'id'>;
	payAdjustments: EntityTable<StoredAdjustment, 'id'>;
	payTeamBonuses: EntityTable<StoredTeamBonus, 'id'>;
	payAcks: EntityTable<PayAck, 'id'>;
	payDisputes: EntityTable<StoredDispute, 'id'>;
	contests: EntityTable<StoredContest, 'id'>;
	contestStandings: EntityTable<StoredStandings, 'id'>;
	payAside: EntityTable<PayAsideEntry, 'id'>;
	settings: EntityTable<Setting, 'key'>;
	tombstones: Dexie.Table<Tombstone, [string, string]>;
	conflicts: EntityTable<ConflictEntry, 'id'>;
	audit: EntityTable<AuditEntry, 'id'>;
	imports: EntityTable<ImportEntry, 'id'>;
	importBatches: Dexie.Table<ImportBatch, [string, number]>;
	tallies: Dexie.Table<
		Tally | TallyMeta | WorkMark | FunnelTally,
		Tally['k'] | TallyMeta['k'] | WorkMark['k'] | FunnelTally['k']
	>;
	[CHANGE_COUNTER_STORE]: Dexie.Table<ChangeCount, ChangeCount['key']>;
};

/**
 * Declares versions 1..upTo on a Dexie instance (tests open older versions with this). `report`
 * hears how far a long upgrade got.
 */
export function declareVersions(
	db: Dexie,
	upTo: number = DB_VERSION,
	report: UpgradeReport = () => undefined
): void {
	const list: readonly Migration[] = MIGRATIONS;
	for (const m of list) {
		if (m.version > upTo) break;
		const v = db.version(m.version).stores(m.stores);
		const upgrade = m.upgrade;
		if (upgrade) v.upgrade((tx) => upgrade(tx, report));
	}
}

export interface OpenOptions {
	/** Hears how far a long schema upgrade got (see migrations/v9.ts). */
	onUpgrade?: UpgradeReport;
}

export function openDatabase(
	name = DB_NAME,
	options?: ConstructorParameters<typeof Dexie>[1],
	open: OpenOptions = {}
) {
	const db = new Dexie(name, options) as RapportDB;
	declareVersions(db, DB_VERSION, open.onUpgrade);
	db.use(talliesMiddleware);
	db.use(funnelPathsMiddleware);
	db.use(openKeysMiddleware);
	db.use(changeCounterMiddleware);
	// A new database is created at the latest version without running the upgrades: its (empty)
	// tallies start counting at this device's offset.
	db.on('populate', (tx) =>
		tx.table('tallies').add({ k: TALLY_META_KEY, offsetMin: -new Date().getTimezoneOffset() })
	);
	return db;
}
