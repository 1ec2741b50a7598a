// Unit tests call t() and lookup() synchronously: load every message table in both languages
// first (the app loads them per page, see src/lib/i18n/catalog.ts).
import { LOCALES, loadNamespaces, NAMESPACES } from '$lib/i18n/catalog';

await Promise.all(LOCALES.map((locale) => loadNamespaces(locale, NAMESPACES)));
