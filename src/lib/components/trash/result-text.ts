import type { RestoreResult } from '$lib/db/repos/trash';
import type { TrashKind } from '$lib/domain/trash/kinds';
import { formatList, plural, t } from '$lib/i18n/i18n.svelte';

/**
 * What a restore or a purge tells the person: `done` for the status line, `refused` (records that
 * stay in the trash, and why) for an alert. One record is named; several are counted.
 */
export interface ResultText {
	done: string;
	refused: string;
}

const names = formatList;

/** `what`: the name of the record when one was restored, null for several. */
export function restoreText(kind: TrashKind, what: string | null, res: RestoreResult): ResultText {
	if (what !== null) {
		const refusal = res.refused[0];
		if (refusal) return { done: '', refused: t(`trash.refused_${refusal.code}`, { name: what }) };
		const [customer] = res.withCustomers;
		const done =
			kind === 'customers'
				? t('trash.restored', { name: what })
				: customer !== undefined
					? t('trash.restored_with_customer', { name: what, customer })
					: t('trash.restored_record', { name: what });
		return { done, refused: '' };
	}
	const parts: string[] = [];
	if (res.restored > 0)
		parts.push(plural('trash.restored_all', res.restored, { count: res.restored }));
	if (res.withCustomers.length > 0)
		parts.push(t('trash.restored_customers', { names: names(res.withCustomers) }));
	const n = res.refused.length;
	return {
		done: parts.join(' '),
		refused: n > 0 ? plural('trash.refused_some', n, { count: n }) : ''
	};
}

/**
 * `what`: the name of the record when one was deleted, null for several; `kept`: how many of
 * them stay, as courses that training records name.
 */
export function purgeText(what: string | null, count: number, kept = 0): string {
	if (what === null) {
		const done = plural('trash.purged_all', count, { count });
		return kept > 0 ? `${done} ${plural('trash.purge_kept', kept, { count: kept })}` : done;
	}
	return count > 0 ? t('trash.purged', { name: what }) : t('trash.purge_none', { name: what });
}
