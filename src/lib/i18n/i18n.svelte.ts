/**
 * The app's language: a typed `t('namespace.key')` over the message files in ./messages, the
 * current locale as rune state, and Intl formatters bound to it.
 *
 * Why not Paraglide: an inlang project loads its plugins (plugin-message-format, the m-function
 * matcher) from URLs such as https://cdn.jsdelivr.net/npm/@inlang/plugin-message-format@latest/…
 * listed in project.inlang/settings.json — see opral/inlang#2808 "Provide npm-friendly
 * settings.json". Our build machines cannot reach that CDN, so the compiler could not run. Plain
 * TypeScript tables give the same type safety (MessageKey, `satisfies` in each zh-CN table) with
 * no build step.
 */
import {
	CORE_NAMESPACES,
	detectLocale,
	hasKey,
	isLoaded,
	loadedNamespaces,
	loadNamespaces,
	lookup,
	namespaceOf,
	type Locale,
	type MessageKey,
	type Namespace,
	type PluralBase
} from './catalog';
import {
	formatBytesIn,
	formatDateIn,
	formatDateTimeIn,
	formatListIn,
	formatMoneyIn,
	formatNumberIn,
	formatRelativeDaysIn
} from './format';

export type { Locale, MessageKey, Namespace, PluralBase } from './catalog';
export { LOCALES } from './catalog';

const STORAGE_KEY = 'rapport.locale';

function storedLocale(): Locale | null {
	try {
		const v = globalThis.localStorage?.getItem(STORAGE_KEY);
		return v === 'zh-CN' || v === 'en' ? v : null;
	} catch {
		return null; // storage blocked (private mode, sandboxed frame)
	}
}

function initialLocale(): Locale {
	return storedLocale() ?? detectLocale(globalThis.navigator?.languages);
}

function applyToDocument(l: Locale): void {
	if (typeof document !== 'undefined') document.documentElement.lang = l;
}

class I18n {
	#locale = $state<Locale>(initialLocale());
	// Bumped when a message table arrives, so that every t() read before it runs again.
	#tablesLoaded = $state(0);
	#requested = new Set<string>();

	constructor() {
		applyToDocument(this.#locale);
	}

	get locale(): Locale {
		return this.#locale;
	}

	/** Read by t(): a dependency on the tables, not only on the locale. */
	get tablesLoaded(): number {
		return this.#tablesLoaded;
	}

	/**
	 * Loads message tables in the current language before a page renders (route load functions
	 * call it), so the page never shows a key while its table is on the way.
	 */
	async load(namespaces: readonly Namespace[]): Promise<void> {
		const locale = this.#locale;
		if (namespaces.every((ns) => isLoaded(locale, ns))) return;
		await loadNamespaces(locale, namespaces);
		this.#tablesLoaded++;
	}

	/**
	 * A table that t() needed and no route load asked for: load it, then render again. The mark
	 * lets the end-to-end tests find a page whose load forgot a namespace.
	 */
	request(ns: Namespace): void {
		const file = `${this.#locale}/${ns}`;
		if (this.#requested.has(file)) return;
		this.#requested.add(file);
		globalThis.performance?.mark(`rapport:i18n-late ${file}`);
		loadNamespaces(this.#locale, [ns]).then(
			() => this.#tablesLoaded++,
			(e: unknown) => console.error(e)
		);
	}

	/**
	 * Switches the language everywhere at once and remembers it for the next visit. The tables
	 * loaded in the old language are loaded in the new one first, so nothing shows a key; when
	 * they are already there the switch happens at once.
	 */
	setLocale(l: Locale): Promise<void> {
		const needed = [...CORE_NAMESPACES, ...loadedNamespaces(this.#locale)];
		if (needed.every((ns) => isLoaded(l, ns))) {
			this.#switchTo(l);
			return Promise.resolve();
		}
		return loadNamespaces(l, needed).then(() => this.#switchTo(l));
	}

	#switchTo(l: Locale): void {
		this.#locale = l;
		applyToDocument(l);
		try {
			globalThis.localStorage?.setItem(STORAGE_KEY, l);
		} catch {
			// not remembered, still switched
		}
	}
}

export const i18n = new I18n();

/** The message for `key` in the current locale, `{name}` placeholders filled from params. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
	return lookup(key, tracked(key), params);
}

/**
 * The current locale, read so that the caller renders again when the locale changes or the
 * key's table arrives; a table not loaded yet is asked for.
 */
function tracked(key: string): Locale {
	const locale = i18n.locale;
	void i18n.tablesLoaded;
	const ns = namespaceOf(key);
	if (ns && !isLoaded(locale, ns)) i18n.request(ns);
	return locale;
}

/**
 * Whether a key built from an open code (a validation code a repository threw, a stage a team
 * named) has a message, and so is a MessageKey, for a fallback text when it has none. A code of
 * a closed set builds its key with a template the type checker reads instead
 * (`goals.metric_${GoalMetric}`). Reactive like t(): its table may still be on the way.
 */
export function hasMessage(key: string): key is MessageKey {
	return hasKey(key, tracked(key));
}

/**
 * The message of a code read from a stored record (a kind, a state, a rating), or `fallback` for
 * a code this version has no message for (written by a newer one): never a raw key.
 */
export function codeText(key: string, fallback: MessageKey): string {
	return t(hasMessage(key) ? key : fallback);
}

/**
 * A validation code a record's repository returned: the message in the record's own namespace
 * (`deals.error_${code}`), else the one in common that several records share, else a generic one.
 */
export function errorText(ns: Namespace, code: string): string {
	const own = `${ns}.error_${code}`;
	const shared = `common.error_${code}`;
	return t(hasMessage(own) ? own : hasMessage(shared) ? shared : 'common.error_unknown');
}

/** `${base}_one` / `${base}_other` by count (en plural; zh uses the same text twice). */
export function plural(
	base: PluralBase,
	count: number,
	params: Record<string, string | number>
): string {
	return t(count === 1 ? `${base}_one` : `${base}_other`, params);
}

/**
 * Reads what every message depends on (the language and the tables loaded), for a cache of
 * message texts that must be made again when any of them may change.
 */
export function trackMessages(): void {
	void i18n.locale;
	void i18n.tablesLoaded;
}

export const formatDate = (v: number | string): string => formatDateIn(i18n.locale, v);
export const formatDateTime = (v: number): string => formatDateTimeIn(i18n.locale, v);
export const formatNumber = (n: number): string => formatNumberIn(i18n.locale, n);
export const formatList = (items: readonly string[]): string => formatListIn(i18n.locale, items);
export const formatMoney = (minor: number, currency?: string): string =>
	formatMoneyIn(i18n.locale, minor, currency);
export const formatBytes = (n: number): string => formatBytesIn(i18n.locale, n);
export const formatRelativeDays = (days: number): string => formatRelativeDaysIn(i18n.locale, days);
