import type { SnapshotFailureCode, SnapshotHeader } from '$lib/db/repos/snapshot-open';
import { formatBytes, formatDate, formatNumber, t } from '$lib/i18n/i18n.svelte';
import { DAY_MS, HOUR_MS } from '$lib/domain/shared/dates';
import { MAX_ASIDE_TABLE_BYTES, MAX_BODY_BYTES, MAX_RECORDS } from '$lib/io/snapshot/limits';
import type { MissingRun } from '$lib/sync/received-files';

/** Codes from the snapshot repositories and codec, as sentences in the user's language. */
export function snapshotErrorText(code: SnapshotFailureCode): string {
	// The caps a refusal names, for the messages that say them.
	return t(`snapshots.err_${code}`, {
		maxBytes: formatBytes(MAX_BODY_BYTES),
		maxRecords: formatNumber(MAX_RECORDS),
		maxAside: formatBytes(MAX_ASIDE_TABLE_BYTES)
	});
}

export function scopeLabel(scope: SnapshotHeader['scope']): string {
	const base = t(`snapshots.scope_${scope.kind}`);
	return scope.label ? `${base} (${scope.label})` : base;
}

/** A stored value for display: lists joined, absent values as a dash. */
export function valueText(v: unknown): string {
	if (v === null || v === undefined || v === '') return '—';
	if (Array.isArray(v)) return v.map((x) => valueText(x)).join(', ');
	if (typeof v === 'object') return JSON.stringify(v);
	return String(v);
}

/** How far ahead a clock is, in the unit a person reads it in: hours, days, then years. */
export function aheadText(ms: number): string {
	if (ms < 2 * DAY_MS)
		return t('snapshots.far_hours', { n: formatNumber(Math.round(ms / HOUR_MS)) });
	if (ms < 730 * DAY_MS)
		return t('snapshots.far_days', { n: formatNumber(Math.round(ms / DAY_MS)) });
	return t('snapshots.far_years', { n: formatNumber(Math.floor(ms / (365.25 * DAY_MS))) });
}

export function recordsText(n: number): string {
	return n === 1
		? t('snapshots.far_records_one')
		: t('snapshots.far_records', { n: formatNumber(n) });
}

/**
 * "Li Na's changes of 2 Dec are missing: ask Li Na for them, or for a full file": the days the
 * missing changes were made between, as the files on each side of the hole say.
 */
export function missingText(name: string, run: Pick<MissingRun, 'from' | 'to'>): string {
	const to = formatDate(run.to);
	if (run.from === null) return t('snapshots.missing_until', { name, to });
	const from = formatDate(run.from);
	if (from === to) return t('snapshots.missing_day', { name, day: to });
	return t('snapshots.missing_between', { name, from, to });
}
