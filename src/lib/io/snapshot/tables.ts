import type { SyncTable } from '../../sync/merge';

/**
 * The fields this app version knows per table, with the shape restore() checks. Enumerations
 * (tier, stage, …) are checked as strings only: a newer app may add a value, and refusing the
 * record would drop data; the UI shows an unknown value as written.
 * Adding a field: add it here too (see CONTRIBUTING's checklist), or restore() keeps it in _extra.
 */
export type FieldKind =
	| 'string' // text, at most MAX_TEXT characters
	| 'id' // short identifier
	| 'id?' // identifier or null
	| 'number' // finite
	| 'number?' // finite or null
	| 'boolean'
	| 'strings' // string[]
	| 'money' // { minor: safe integer, currency: 3 letters }
	| 'date?'; // 'YYYY-MM-DD', '' or null

const common = { trashedAt: 'number?', demo: 'boolean' } as const;

export const TABLE_FIELDS: Record<SyncTable, Record<string, FieldKind>> = {
	members: { name: 'string', role: 'string', email: 'string', ...common },
	customers: {
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
	contacts: {
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
	interactions: {
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
	tasks: {
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
	deals: {
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
	orders: {
		customerId: 'id',
		dealId: 'id?',
		at: 'number',
		amount: 'money',
		products: 'strings',
		notes: 'string',
		ownerId: 'id',
		...common
	},
	tickets: {
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
	feedback: {
		customerId: 'id',
		kind: 'string',
		score: 'number',
		channel: 'string',
		comment: 'string',
		at: 'number',
		ownerId: 'id',
		...common
	},
	goals: {
		ownerId: 'id',
		metric: 'string',
		periodKind: 'string',
		periodStart: 'date?',
		target: 'number',
		setBy: 'id',
		...common
	},
	reviews: {
		memberId: 'id',
		periodStart: 'date?',
		periodKind: 'string',
		score: 'number?',
		notes: 'string',
		reviewerId: 'id',
		at: 'number',
		...common
	}
};

export const MAX_TEXT = 100_000;
export const MAX_ID = 200;
export const MAX_LIST = 1_000;
/** Numbers beyond ±1e15 are not amounts, dates or counts anyone enters. */
export const MAX_ABS_NUMBER = 1e15;

const isStr = (v: unknown, max: number) => typeof v === 'string' && v.length <= max;
const isNum = (v: unknown) =>
	typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= MAX_ABS_NUMBER;

/** Whether a value fits its declared kind (absurd values fail). */
export function fitsKind(kind: FieldKind, v: unknown): boolean {
	switch (kind) {
		case 'string':
			return isStr(v, MAX_TEXT);
		case 'id':
			return isStr(v, MAX_ID);
		case 'id?':
			return v === null || isStr(v, MAX_ID);
		case 'number':
			return isNum(v);
		case 'number?':
			return v === null || isNum(v);
		case 'boolean':
			return typeof v === 'boolean';
		case 'strings':
			return Array.isArray(v) && v.length <= MAX_LIST && v.every((s) => isStr(s, MAX_TEXT));
		case 'money': {
			if (typeof v !== 'object' || v === null) return false;
			const m = v as Record<string, unknown>;
			return (
				Number.isSafeInteger(m.minor) &&
				typeof m.currency === 'string' &&
				/^[A-Z]{3}$/.test(m.currency) &&
				Object.keys(m).length === 2
			);
		}
		case 'date?':
			return v === null || v === '' || (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v));
	}
}
