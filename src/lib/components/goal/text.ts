import { KPI_METRICS } from '$lib/domain/goal/goal';
import { GOAL_STATES, PACES } from '$lib/domain/goal/progress';
import { PERIOD_KINDS } from '$lib/domain/shared/dates';
import { isOneOf } from '$lib/domain/shared/one-of';
import { errorText, t } from '$lib/i18n/i18n.svelte';

/** Goal codes → messages; a code outside its set shows a generic text, not a raw key. */
export const metricText = (m: string): string =>
	t(isOneOf(KPI_METRICS, m) ? `goals.metric_${m}` : 'common.error_unknown');
export const paceText = (p: string): string =>
	t(isOneOf(PACES, p) ? `goals.pace_${p}` : 'common.error_unknown');
export const periodText = (k: string): string =>
	t(isOneOf(PERIOD_KINDS, k) ? `goals.period_${k}` : 'common.error_unknown');
export const goalStateText = (s: string): string =>
	t(isOneOf(GOAL_STATES, s) ? `goals.goal_state_${s}` : 'common.error_unknown');

/** A validation code of a goal, or the reason its progress cannot be computed. */
export const goalErrorText = (code: string): string => errorText('goals', code);
