/**
 * Every index of the latest schema, and the reads that need it. IndexedDB updates each index of a
 * store on every write to that store, so an index earns its place only through a read that would
 * otherwise go through the whole store; migrations/v8.ts dropped the ones nothing read.
 *
 * index-readers.test.ts keeps this list honest: it equals the indexes of the opened schema (an
 * index without an entry fails, and so does an entry without an index), each file named reads
 * through that index, every index a query in src/lib/db names exists, and the table in
 * docs/ARCHITECTURE.md ("Indexes and their readers") is this list. Primary keys are not listed:
 * every store has one, and reads by them (pages by id, the tallies' key ranges) cost no index.
 */
export interface IndexUse {
	/** Files under src/lib/db whose queries go through the index. */
	readers: readonly string[];
	/** What those reads are for. */
	why: string;
}

/**
 * Indexes kept for the lookups of which records refer to a member or a deal (see
 * migrations/v8.ts): repos/undo-plan.ts and repos/snapshot-restore.ts read them through the owner
 * and parent fields the registry of synced tables names ($lib/sync/tables), which the test's scan
 * of queries cannot follow (synced-tables.test.ts checks that those indexes exist). The only
 * entries allowed to have no reader; an index read by a query that names it must name that
 * query's file instead.
 */
export const REFERENCE_LOOKUP: IndexUse = {
	readers: [],
	why: 'kept for finding the records that refer to a member or a deal (Undo of an import, the restore of a backup)'
};

/** Every synced table's `_meta.updated`: the clock's resume on start, and its repair. */
const STAMPS: IndexUse = {
	readers: ['session.ts', 'clock-repair.ts'],
	why: "the clock's resume on start, after the greatest stamp stored; the repair of stamps over a day ahead"
};

/**
 * Every synced table's and the tombstones' `_chg`, the local change number
 * (change-counter-middleware.ts): what this device wrote after a mark.
 */
const CHANGES: IndexUse = {
	readers: ['repos/local-changes.ts'],
	why: 'what this device wrote after a change number (its own edits and what it merged): the changes since the last backup'
};

/** A record's `customerId` on the tables that hang off a customer. */
const OF_CUSTOMER = (readers: readonly string[], what: string): IndexUse => ({
	readers: [...readers, 'repos/purge.ts'],
	why: `${what}; what goes with a customer when it is purged`
});

/** `trashedAt` of a table whose trash is read only by the Trash page and its purge. */
const TRASH: IndexUse = {
	readers: ['repos/trashed.ts'],
	why: 'the trash, and its purge after 30 days (holds trashed records only: null is not indexed)'
};

export const INDEX_READERS = {
	members: { '_meta.updated': STAMPS, _chg: CHANGES },
	customers: {
		ownerId: {
			readers: [
				'repos/customer-reads.ts',
				'repos/goals.ts',
				'repos/team-handover.ts',
				'repos/team-kpi-reads.ts'
			],
			why: "whether a manager owns any customer (a day page opens before the list is loaded); a manager's active customers (complaint rate); a leaver's customers, handed over; a member's customers for the team's KPIs when the tallies cannot answer"
		},
		trashedAt: {
			readers: ['repos/trashed.ts'],
			why: 'the trash, and the customers trashed over 30 days ago (holds trashed customers only: null is not indexed)'
		},
		'_meta.updated': STAMPS,
		_chg: CHANGES,
		'[ownerId+createdAt]': {
			readers: ['repos/goals.ts'],
			why: "new customers in a goal's period; the customers a manager had at its start (retention)"
		}
	},
	contacts: {
		customerId: OF_CUSTOMER(
			['repos/contacts.ts', 'repos/person-find.ts', 'repos/snapshot-source.ts'],
			"a customer's contacts; the export of a person's data; a snapshot of chosen customers"
		),
		'_meta.updated': STAMPS,
		_chg: CHANGES,
		trashedAt: TRASH
	},
	interactions: {
		customerId: OF_CUSTOMER(
			['repos/activity-reads.ts', 'repos/customer-merge.ts', 'repos/snapshot-source.ts'],
			"the log of the customers a list export shows; moving a merged customer's log"
		),
		'[customerId+at]': {
			readers: ['repos/interactions.ts', 'repos/snapshot-derive.ts'],
			why: "a customer's log, newest first; its latest contact after an undo or a snapshot merge"
		},
		ownerId: REFERENCE_LOOKUP,
		'_meta.updated': STAMPS,
		_chg: CHANGES,
		'[ownerId+at]': {
			readers: ['repos/home.ts', 'repos/goals.ts', 'repos/team-kpi-reads.ts'],
			why: "a manager's interactions per day when the tallies cannot answer; satisfaction scores in a goal's or a review's period"
		},
		'[ownerId+type+at]': {
			readers: ['repos/home.ts'],
			why: 'interactions per type when the tallies cannot answer'
		},
		trashedAt: {
			readers: ['repos/home.ts', 'repos/trashed.ts'],
			why: 'the few trashed interactions, taken out of counts made from index keys; the trash, and its purge after 30 days (null is not indexed)'
		}
	},
	tasks: {
		customerId: OF_CUSTOMER(
			['repos/tasks.ts', 'repos/person-find.ts'],
			"a customer's tasks; the export of a person's data"
		),
		dealId: REFERENCE_LOOKUP,
		ownerId: {
			readers: ['repos/team-handover.ts'],
			why: "a leaver's tasks, the open ones handed over; also the records that refer to a member (Undo of an import, the restore of a backup)"
		},
		'_meta.updated': STAMPS,
		_chg: CHANGES,
		'[ownerId+dueAt]': {
			readers: ['repos/tasks.ts'],
			why: 'every task of a manager (the task list and its CSV)'
		},
		'[ownerId+doneAt]': {
			readers: ['repos/goals.ts', 'repos/team-kpi-reads.ts'],
			why: "follow-ups done in a goal's or a review's period (holds done tasks only)"
		},
		'[ownerId+openDueAt]': {
			readers: ['repos/tasks.ts'],
			why: "Home's overdue tasks and today's (holds open tasks only)"
		},
		trashedAt: TRASH
	},
	deals: {
		customerId: OF_CUSTOMER(
			['repos/deals.ts', 'repos/person-find.ts'],
			"a customer's deals; the export of a person's data"
		),
		ownerId: {
			readers: ['repos/deals.ts', 'repos/team-handover.ts'],
			why: "a manager's deals (the pipeline page); a leaver's deals, the open ones handed over"
		},
		'_meta.updated': STAMPS,
		_chg: CHANGES,
		'[ownerId+stage+amount.currency+amount.minor+probability]': {
			readers: ['repos/home.ts'],
			why: "Home's pipeline by stage from index keys when there are no tallies"
		},
		trashedAt: {
			readers: ['repos/home.ts', 'repos/trashed.ts', 'repos/deal-funnel.ts'],
			why: "the few trashed deals, left out of the pipeline, of the deals closing and of the team's funnel; the trash, and its purge after 30 days (null is not indexed)"
		},
		'[ownerId+stage+expectedClose]': {
			readers: ['repos/home.ts'],
			why: "Home's first deals closing this month, per open stage"
		}
	},
	orders: {
		customerId: OF_CUSTOMER(
			['repos/orders.ts', 'repos/activity-reads.ts'],
			"a customer's purchases; the orders of the customers a list export shows"
		),
		dealId: {
			readers: ['repos/orders.ts'],
			why: 'the order a won deal recorded'
		},
		ownerId: REFERENCE_LOOKUP,
		'_meta.updated': STAMPS,
		_chg: CHANGES,
		'[ownerId+at]': {
			readers: ['repos/goals.ts', 'repos/home.ts', 'repos/team-kpi-reads.ts'],
			why: "a manager's orders in a period: sales against a goal or in a review, and per day when the tallies cannot answer"
		},
		trashedAt: TRASH
	},
	dealStageChanges: {
		dealId: {
			readers: ['repos/deal-funnel.ts'],
			why: "the moves of deals two members moved in a month (the team's funnel); a deal's moves for its path tallies (funnel-paths-middleware.ts); also the records that refer to a deal"
		},
		customerId: OF_CUSTOMER([], "a customer's deals' moves"),
		ownerId: REFERENCE_LOOKUP,
		at: {
			readers: ['repos/deal-funnel.ts'],
			why: "the deals' moves in a period (the team's conversion funnel)"
		},
		'_meta.updated': STAMPS,
		_chg: CHANGES
	},
	tickets: {
		customerId: OF_CUSTOMER(
			['repos/tickets.ts', 'repos/person-find.ts'],
			"a customer's tickets; the export of a person's data"
		),
		ownerId: {
			readers: [
				'repos/tickets.ts',
				'repos/goals.ts',
				'repos/team-handover.ts',
				'repos/team-kpi-reads.ts'
			],
			why: "a manager's tickets (the ticket list; complaints against a goal or in a review); a leaver's open tickets, handed over"
		},
		'_meta.updated': STAMPS,
		_chg: CHANGES,
		'[ownerId+openDeadlineAt]': {
			readers: ['repos/tickets.ts'],
			why: "Home's overdue tickets (holds open tickets only)"
		},
		trashedAt: TRASH
	},
	feedback: {
		customerId: OF_CUSTOMER(
			['repos/person-find.ts', 'repos/snapshot-source.ts'],
			"the export of a person's data; a snapshot of chosen customers"
		),
		ownerId: REFERENCE_LOOKUP,
		'_meta.updated': STAMPS,
		_chg: CHANGES,
		'[ownerId+at]': {
			readers: ['repos/goals.ts', 'repos/team-kpi-reads.ts'],
			why: "satisfaction answers in a goal's or a review's period"
		},
		'[customerId+at]': {
			readers: ['repos/feedback.ts'],
			why: "a customer's feedback, newest first"
		},
		trashedAt: TRASH
	},
	goals: {
		ownerId: {
			readers: ['repos/goals.ts', 'repos/reviews.ts', 'repos/team-growth.ts'],
			why: "a manager's goals; the targets of a member's review; the attainment a promotion asks for"
		},
		'_meta.updated': STAMPS,
		_chg: CHANGES,
		trashedAt: TRASH
	},
	reviews: {
		memberId: {
			readers: ['repos/reviews.ts', 'repos/team-growth.ts'],
			why: "a member's reviews: their history, the open actions of earlier ones, the score a promotion asks for (also the records that refer to a member)"
		},
		'_meta.updated': STAMPS,
		_chg: CHANGES
	},
	levels: { '_meta.updated': STAMPS, _chg: CHANGES },
	memberFacts: {
		memberId: {
			readers: ['repos/team-growth.ts', 'repos/team-access.ts'],
			why: "a member's level records: how far they are from the next level; whether a file's sender has left"
		},
		'_meta.updated': STAMPS,
		_chg: CHANGES
	},
	periodCloses: { '_meta.updated': STAMPS, _chg: CHANGES },
	teamSettings: { '_meta.updated': STAMPS, _chg: CHANGES },
	courses: { '_meta.updated': STAMPS, _chg: CHANGES },
	trainingRecords: {
		memberId: {
			readers: ['repos/training-records.ts', 'repos/team-growth.ts'],
			why: "a member's training records, and the courses a promotion asks for"
		},
		courseId: {
			readers: ['repos/purge.ts'],
			why: 'whether training records still name a course in the trash (it stays while they do)'
		},
		'_meta.updated': STAMPS,
		_chg: CHANGES
	},
	trainingPlans: {
		memberId: {
			readers: ['repos/training-plans.ts'],
			why: "a member's training plans"
		},
		'_meta.updated': STAMPS,
		_chg: CHANGES
	},
	workPlans: {
		memberId: {
			readers: ['repos/work-plans.ts'],
			why: "a member's work plans"
		},
		'_meta.updated': STAMPS,
		_chg: CHANGES
	},
	dailyReports: {
		memberId: {
			readers: ['repos/daily-reports.ts'],
			why: "a member's latest daily reports"
		},
		date: {
			readers: ['repos/daily-reports.ts'],
			why: "the team's daily reports of a day (the lead's page)"
		},
		'_meta.updated': STAMPS,
		_chg: CHANGES
	},
	checklists: { '_meta.updated': STAMPS, _chg: CHANGES },
	checklistTicks: {
		checklistId: REFERENCE_LOOKUP,
		recordId: {
			readers: ['repos/checklists.ts', 'repos/checklist-gate.ts', 'repos/checklist-flags.ts'],
			why: 'the ticks of a deal or ticket: its checklist, whether it may leave its stage or close, and whether a merged change skipped them'
		},
		'_meta.updated': STAMPS,
		_chg: CHANGES
	},
	payPlans: { '_meta.updated': STAMPS, _chg: CHANGES },
	payCloses: { '_meta.updated': STAMPS, _chg: CHANGES },
	payStatements: {
		memberId: {
			readers: ['repos/pay-statements.ts'],
			why: "a member's closed statements (their own pay page)"
		},
		'_meta.updated': STAMPS,
		_chg: CHANGES
	},
	payAdjustments: {
		memberId: {
			readers: ['repos/pay-inputs.ts'],
			why: "a member's adjustments: those a month's statement carries, those issued for a closed month"
		},
		'_meta.updated': STAMPS,
		_chg: CHANGES
	},
	payTeamBonuses: { '_meta.updated': STAMPS, _chg: CHANGES },
	payAcks: {
		memberId: {
			readers: ['repos/pay-answers.ts'],
			why: "a member's acknowledgements of their statements and plan"
		},
		'_meta.updated': STAMPS,
		_chg: CHANGES
	},
	payDisputes: {
		memberId: {
			readers: ['repos/pay-answers.ts'],
			why: "a member's disputes of their statements' lines"
		},
		'_meta.updated': STAMPS,
		_chg: CHANGES
	},
	contests: { '_meta.updated': STAMPS, _chg: CHANGES },
	contestStandings: { '_meta.updated': STAMPS, _chg: CHANGES },
	checklistFlags: {
		recordId: {
			readers: ['repos/checklist-flags.ts'],
			why: 'the flags of a deal or ticket changed in a merged file without its required items'
		}
	},
	tombstones: {
		hlc: {
			readers: ['clock-repair.ts'],
			why: 'tombstones stamped over a day ahead, re-stamped on start'
		},
		_chg: CHANGES
	},
	conflicts: {
		at: {
			readers: ['repos/snapshot-conflicts.ts'],
			why: 'the merge conflicts, newest first'
		}
	},
	audit: {
		at: {
			readers: ['repos/audit.ts', 'repos/customer-merge.ts'],
			why: 'the audit log and the recent merges, newest first'
		}
	},
	imports: {
		state: {
			readers: ['repos/imports.ts', 'repos/import-cleanup.ts'],
			why: 'the import history (committed and undone); the unfinished imports cleared on start'
		}
	},
	tallies: {
		t: {
			readers: ['repos/team-kpi-reads.ts'],
			why: "the team's facts by month and its customers' tallies for the whole roster in one range per kind (period before owner)"
		}
	},
	importBatches: {
		importId: {
			readers: ['repos/imports.ts', 'repos/import-cleanup.ts', 'repos/snapshot-undo.ts'],
			why: "an import's staged batches and its undo data"
		}
	}
} as const satisfies Record<string, Record<string, IndexUse>>;
