import type common from './messages/en/common';
import type contests from './messages/en/contests';
import type customers from './messages/en/customers';
import type dashboard from './messages/en/dashboard';
import type deals from './messages/en/deals';
import type demo from './messages/en/demo';
import type duplicates from './messages/en/duplicates';
import type exports from './messages/en/exports';
import type feedback from './messages/en/feedback';
import type goals from './messages/en/goals';
import type home from './messages/en/home';
import type imports from './messages/en/imports';
import type interactions from './messages/en/interactions';
import type records from './messages/en/records';
import type reviews from './messages/en/reviews';
import type pay from './messages/en/pay';
import type plan from './messages/en/plan';
import type settings from './messages/en/settings';
import type shell from './messages/en/shell';
import type snapshots from './messages/en/snapshots';
import type tasks from './messages/en/tasks';
import type team from './messages/en/team';
import type tickets from './messages/en/tickets';
import type training from './messages/en/training';
import type trash from './messages/en/trash';
import type undo from './messages/en/undo';

/**
 * The message tables: one file per feature (namespace) and language, messages/en/<ns>.ts and
 * messages/zh-CN/<ns>.ts. Only the tables a page needs, in the language shown, are loaded: the
 * first page must stay small (see the first-load JS of the customer list bench suite), and the
 * tables of every feature in both languages were a large part of it. A key is written `namespace.key` ('customers.title').
 * The imports above are type-only: they give MessageKey without bundling a single table.
 */
interface Catalog {
	common: typeof common;
	shell: typeof shell;
	settings: typeof settings;
	customers: typeof customers;
	interactions: typeof interactions;
	trash: typeof trash;
	demo: typeof demo;
	home: typeof home;
	tasks: typeof tasks;
	deals: typeof deals;
	tickets: typeof tickets;
	goals: typeof goals;
	dashboard: typeof dashboard;
	reviews: typeof reviews;
	feedback: typeof feedback;
	imports: typeof imports;
	exports: typeof exports;
	duplicates: typeof duplicates;
	snapshots: typeof snapshots;
	undo: typeof undo;
	records: typeof records;
	team: typeof team;
	training: typeof training;
	plan: typeof plan;
	pay: typeof pay;
	contests: typeof contests;
}

export type Namespace = keyof Catalog;

/** Every namespace; catalog.test.ts checks it against the files in messages/en and messages/zh-CN. */
export const NAMESPACES = [
	'common',
	'shell',
	'settings',
	'customers',
	'interactions',
	'trash',
	'demo',
	'home',
	'tasks',
	'deals',
	'tickets',
	'goals',
	'dashboard',
	'reviews',
	'feedback',
	'imports',
	'exports',
	'duplicates',
	'snapshots',
	'undo',
	'records',
	'team',
	'training',
	'plan',
	'pay',
	'contests'
] as const satisfies readonly Namespace[];

/** Namespaces that every page needs (the header, banners, language switcher, demo marks). */
export const CORE_NAMESPACES: readonly Namespace[] = ['common', 'shell', 'demo'];

/** 'customers.title' | 'shell.nav_home' | … — every key of every namespace. */
export type MessageKey = {
	[N in Namespace]: `${N}.${Extract<keyof Catalog[N], string>}`;
}[Namespace];

/**
 * 'customers.result_count' for 'customers.result_count_one' and '…_other': the bases of the
 * keys that come in a singular and a plural form, so that plural(base, n) is checked for both.
 */
export type PluralBase = PluralBaseOf<MessageKey>;
type PluralBaseOf<K> = K extends `${infer B}_one`
	? `${B}_other` extends MessageKey
		? B
		: never
	: never;

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

type Table = Record<string, string>;

// One chunk per table, fetched on first use. Keys: './messages/en/deals.ts'.
const loaders = import.meta.glob<Table>('./messages/*/*.ts', { import: 'default' });
const tables = new Map<string, Table>();
const pending = new Map<string, Promise<void>>();
const id = (locale: Locale, ns: Namespace): string => `./messages/${locale}/${ns}.ts`;

export function isNamespace(ns: string): ns is Namespace {
	return (NAMESPACES as readonly string[]).includes(ns);
}

/** The namespace part of a key ('deals' for 'deals.title'), or null for a malformed key. */
export function namespaceOf(key: string): Namespace | null {
	const ns = key.slice(0, key.indexOf('.'));
	return isNamespace(ns) ? ns : null;
}

export function isLoaded(locale: Locale, ns: Namespace): boolean {
	return tables.has(id(locale, ns));
}

/** The namespaces loaded so far in a locale: switching language loads the same ones. */
export function loadedNamespaces(locale: Locale): Namespace[] {
	return NAMESPACES.filter((ns) => isLoaded(locale, ns));
}

/** Loads the tables of these namespaces in a locale (each file once, however often asked). */
export function loadNamespaces(locale: Locale, namespaces: readonly Namespace[]): Promise<void> {
	return Promise.all(
		namespaces.map((ns) => {
			const file = id(locale, ns);
			if (tables.has(file)) return undefined;
			let p = pending.get(file);
			if (!p) {
				const load = loaders[file];
				if (!load) return Promise.reject(new Error(`no message file ${file}`));
				p = load()
					.then((table) => void tables.set(file, table))
					.finally(() => pending.delete(file));
				pending.set(file, p);
			}
			return p;
		})
	).then(() => undefined);
}

/** Fills `{name}` placeholders; an unknown placeholder stays as written so it shows in review. */
export function interpolate(text: string, params?: Record<string, string | number>): string {
	if (!params) return text;
	return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in params ? String(params[name]) : whole
	);
}

/**
 * The message for a key in a locale, or the key itself when it is unknown or its table is not
 * loaded yet (t() then loads it and renders again).
 */
export function lookup(
	key: string,
	locale: Locale,
	params?: Record<string, string | number>
): string {
	const ns = namespaceOf(key);
	if (!ns) return key;
	const text = tables.get(id(locale, ns))?.[key.slice(ns.length + 1)];
	return text === undefined ? key : interpolate(text, params);
}

/**
 * Whether the key has a message (its table loaded in this locale). Keys are the same in both. A
 * key found in a loaded table is one of MessageKey, since the tables are the types' source: so a
 * key built from an open code (a validation code, a team's own stage) becomes a MessageKey here,
 * by a check at run time rather than a cast.
 */
export function hasKey(key: string, locale: Locale): key is MessageKey {
	const ns = namespaceOf(key);
	return ns !== null && tables.get(id(locale, ns))?.[key.slice(ns.length + 1)] !== undefined;
}

/**
 * First run: if the browser lists any Chinese variant (zh, zh-TW, zh-Hans-CN…) the app starts in
 * zh-CN, else in English. Rapport is built for Chinese teams, so a listed zh wins over order.
 */
export function detectLocale(languages: readonly string[] | undefined): Locale {
	return (languages ?? []).some((l) => /^zh(-|$)/i.test(l)) ? 'zh-CN' : 'en';
}
