import { stageText, tierText } from '$lib/components/customer/labels';
import type { CustomerFilter } from '$lib/domain/customer/filter-sort';
import { t } from '$lib/i18n/i18n.svelte';

/**
 * A short description of the list's search and filters ("Tier: A · City: Ningbo"), written into
 * the snapshot header as the scope's label so the receiver knows which segment they got.
 */
export function listLabel(
	query: string,
	f: CustomerFilter,
	ownerName: (id: string) => string
): string {
	const parts: string[] = [];
	const q = query.trim();
	if (q) parts.push(`“${q}”`);
	if (f.tier) parts.push(`${t('customers.filter_tier')}: ${tierText(f.tier)}`);
	if (f.stage) parts.push(`${t('customers.filter_stage')}: ${stageText(f.stage)}`);
	if (f.ownerId) parts.push(`${t('customers.filter_owner')}: ${ownerName(f.ownerId)}`);
	if (f.tag) parts.push(`${t('customers.filter_tag')}: ${f.tag}`);
	if (f.city) parts.push(`${t('customers.filter_city')}: ${f.city}`);
	if (f.industry) parts.push(`${t('customers.filter_industry')}: ${f.industry}`);
	if (f.notContactedDays)
		parts.push(`${t('customers.filter_not_contacted')}: ${f.notContactedDays}`);
	return parts.length ? parts.join(' · ').slice(0, 200) : t('snapshots.list_all');
}
