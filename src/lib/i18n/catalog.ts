import { commonMessages } from './messages/common';
import { customersMessages } from './messages/customers';
import { dayMessages } from './messages/day';
import { demoMessages } from './messages/demo';
import { duplicatesMessages } from './messages/duplicates';
import { errorsMessages } from './messages/errors';
import { exportsMessages } from './messages/exports';
import { importsMessages } from './messages/imports';
import { interactionsMessages } from './messages/interactions';
import { settingsMessages } from './messages/settings';
import { shellMessages } from './messages/shell';
import { snapshotsMessages } from './messages/snapshots';
import { trashMessages } from './messages/trash';

/**
 * Every message file, by namespace. A key is written `namespace.key` ('customers.title').
 * Adding a file under messages/ means adding it here: catalog.test.ts fails until you do.
 * Explicit imports (not import.meta.glob) keep MessageKey a precise union for the type checker.
 */
export const catalog = {
	common: commonMessages,
	shell: shellMessages,
	settings: settingsMessages,
	customers: customersMessages,
	interactions: interactionsMessages,
	trash: trashMessages,
	errors: errorsMessages,
	demo: demoMessages,
	day: dayMessages,
	imports: importsMessages,
	exports: exportsMessages,
	duplicates: duplicatesMessages,
	snapshots: snapshotsMessages
} as const;

export type Namespace = keyof typeof catalog;

/** 'customers.title' | 'shell.nav_home' | … — every key of every namespace. */
export type MessageKey = {
	[N in Namespace]: `${N}.${Extract<keyof (typeof catalog)[N]['en'], string>}`;
}[Namespace];

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** The message table of one locale: catalog[ns].zh for 'zh-CN', catalog[ns].en for 'en'. */
export function tableOf(ns: Namespace, locale: Locale): Record<string, string> {
	const pair = catalog[ns];
	return locale === 'zh-CN' ? pair.zh : pair.en;
}

/** Fills `{name}` placeholders; an unknown placeholder stays as written so it shows in review. */
export function interpolate(text: string, params?: Record<string, string | number>): string {
	if (!params) return text;
	return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in params ? String(params[name]) : whole
	);
}

/** The message for a key in a locale, falling back to English, then to the key itself. */
export function lookup(
	key: string,
	locale: Locale,
	params?: Record<string, string | number>
): string {
	const dot = key.indexOf('.');
	const ns = key.slice(0, dot) as Namespace;
	const name = key.slice(dot + 1);
	if (dot < 0 || !(ns in catalog)) return key;
	const text = tableOf(ns, locale)[name] ?? tableOf(ns, 'en')[name];
	return text === undefined ? key : interpolate(text, params);
}

/**
 * First run: if the browser lists any Chinese variant (zh, zh-TW, zh-Hans-CN…) the app starts in
 * zh-CN, else in English. Rapport is built for Chinese teams, so a listed zh wins over order.
 */
export function detectLocale(languages: readonly string[] | undefined): Locale {
	return (languages ?? []).some((l) => /^zh(-|$)/i.test(l)) ? 'zh-CN' : 'en';
}
