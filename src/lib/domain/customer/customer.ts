import type { Synced } from '../../sync/stamp';
import type { EpochMs, Id, IsoDate } from '../shared/types';

export const CUSTOMER_KINDS = ['person', 'company'] as const;
export type CustomerKind = (typeof CUSTOMER_KINDS)[number];

export const TIERS = ['A', 'B', 'C'] as const;
export type Tier = (typeof TIERS)[number];

export const LIFECYCLE_STAGES = ['lead', 'prospect', 'customer', 'loyal', 'churned'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export const SOURCE_CHANNELS = [
	'referral',
	'website',
	'exhibition',
	'cold_call',
	'social',
	'partner',
	'import',
	'other'
] as const;
export type SourceChannel = (typeof SOURCE_CHANNELS)[number];

/** A customer file (客户档案): a person, or a company with contact people. */
export interface Customer extends Synced {
	kind: CustomerKind;
	name: string;
	/** For a person: the company they work for, if any. For a company: unused. */
	company: string;
	/** Normalised phones in E.164 (+8613812345678) or +86-area-number for landlines. */
	phones: string[];
	emails: string[];
	wechat: string;
	address: string;
	city: string;
	industry: string;
	source: SourceChannel | '';
	tier: Tier | '';
	stage: LifecycleStage;
	tags: string[];
	/** Member id of the account manager who owns this customer. */
	ownerId: Id;
	birthday: IsoDate | '';
	needs: string;
	notes: string;
	createdAt: EpochMs;
	/** Derived from the interaction log (never edited by hand); null when never contacted. */
	lastContactAt: EpochMs | null;
	/** Set when moved to the trash; restored by setting it back to null. Purged after 30 days. */
	trashedAt: EpochMs | null;
	/** Demo records carry this so that "remove demo data" removes exactly them. */
	demo?: boolean;
	/**
	 * Derived at write time and never merged (recomputed after every change or merge): lower-case
	 * name, company, phone digits, emails, WeChat, and the pinyin of Chinese names in full and as
	 * initials, so the in-memory search index needs no pinyin work when the app starts.
	 */
	searchKeys: string;
}

/** A contact person at a company customer (联系人). */
export interface ContactPerson extends Synced {
	customerId: Id;
	name: string;
	title: string;
	phones: string[];
	emails: string[];
	wechat: string;
	isPrimary: boolean;
	notes: string;
	trashedAt: EpochMs | null;
	demo?: boolean;
}

/** The fields a person may edit in the customer form (everything not derived or bookkeeping). */
export type CustomerDraft = Omit<
	Customer,
	'id' | '_meta' | 'createdAt' | 'lastContactAt' | 'trashedAt' | 'demo' | 'searchKeys'
>;
