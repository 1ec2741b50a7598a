/**
 * The app's language: a typed `t('namespace.key')` over the message files in ./messages, the
 * current locale as rune state, and Intl formatters bound to it.
 *
 * Why not Paraglide: an inlang project loads its plugins (plugin-message-format, the m-function
 * matcher) from URLs such as https://cdn.jsdelivr.net/npm/@inlang/plugin-message-format@latest/…
 * listed in project.inlang/settings.json — see opral/inlang#2808 "Provide npm-friendly
 * settings.json". Our build machines cannot reach that CDN, so the compiler could not run. Plain
 * TypeScript tables give the same type safety (MessageKey, defineMessages) with no build step.
 */
import { detectLocale, lookup, type Locale, type MessageKey } from './catalog';
import {
	formatBytesIn,
	formatDateIn,
	formatDateTimeIn,
	formatMoneyIn,
	formatNumberIn,
	formatRelativeDaysIn
} from './format';

export type { Locale, MessageKey, Namespace } from './catalog';
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

	constructor() {
		applyToDocument(this.#locale);
	}

	get locale(): Locale {
		return this.#locale;
	}

	/** Switches the language everywhere at once and remembers it for the next visit. */
	setLocale(l: Locale): void {
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
	return lookup(key, i18n.locale, params);
}

export const formatDate = (v: number | string): string => formatDateIn(i18n.locale, v);
export const formatDateTime = (v: number): string => formatDateTimeIn(i18n.locale, v);
export const formatNumber = (n: number): string => formatNumberIn(i18n.locale, n);
export const formatMoney = (minor: number, currency?: string): string =>
	formatMoneyIn(i18n.locale, minor, currency);
export const formatBytes = (n: number): string => formatBytesIn(i18n.locale, n);
export const formatRelativeDays = (days: number): string => formatRelativeDaysIn(i18n.locale, days);
