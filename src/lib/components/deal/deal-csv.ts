import { csvDateTime, csvMoney } from '$lib/components/home/csv-cells';
import { stageName } from './text';
import type { Deal } from '$lib/domain/deal/deal';
import { t } from '$lib/i18n/i18n.svelte';

/** Deals as CSV rows, header first. Amounts are plain decimals with the currency beside them. */
export function dealCsvRows(
	deals: readonly Deal[],
	labels: Readonly<Record<string, string>>,
	customerName: (id: string) => string,
	ownerName: (id: string) => string
): string[][] {
	const header = [
		t('deals.deal_field_title'),
		t('common.customer'),
		t('deals.column_stage'),
		t('deals.deal_field_amount'),
		t('deals.deal_field_currency'),
		t('deals.probability'),
		t('deals.deal_field_expected_close'),
		t('deals.deal_field_products'),
		t('deals.competitor'),
		t('deals.deal_field_next_step'),
		t('deals.lost_reason'),
		t('common.owner'),
		t('deals.deal_closed_at')
	];
	return [
		header,
		...deals.map((d) => [
			d.title,
			customerName(d.customerId),
			stageName(d.stage, labels),
			csvMoney(d.amount.minor, d.amount.currency),
			d.amount.currency,
			String(d.probability),
			d.expectedClose,
			d.products.join('; '),
			d.competitor,
			d.nextStep,
			d.lostReason,
			ownerName(d.ownerId),
			csvDateTime(d.closedAt)
		])
	];
}
