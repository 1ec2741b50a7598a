import { csvDateTime, csvMoney } from '$lib/components/home/csv-cells';
import { stageName } from '$lib/components/home/day-text';
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
		t('day.deal_field_title'),
		t('day.customer'),
		t('day.column_stage'),
		t('day.deal_field_amount'),
		t('day.deal_field_currency'),
		t('day.probability'),
		t('day.deal_field_expected_close'),
		t('day.deal_field_products'),
		t('day.competitor'),
		t('day.deal_field_next_step'),
		t('day.lost_reason'),
		t('day.owner'),
		t('day.deal_closed_at')
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
