import type { Deal } from '$lib/domain/deal/deal';
import { stageKind, type StageDef } from '$lib/domain/deal/stages';
import { foldText } from '$lib/domain/customer/text';

/** The deal table's filters; empty values mean "any". */
export interface DealFilter {
	text: string;
	stage: string;
	/** 'open' | 'won' | 'lost' | '' */
	status: '' | 'open' | 'won' | 'lost';
	/** `YYYY-MM` of the expected close date. */
	closeMonth: string;
}

export const EMPTY_DEAL_FILTER: DealFilter = { text: '', stage: '', status: '', closeMonth: '' };

/**
 * Deals matching every filter; the text matches the title, the customer's name, products,
 * competitor and next step (case- and width-insensitive). Sorted by expected close, undated last.
 */
export function filterDeals(
	deals: readonly Deal[],
	f: DealFilter,
	stages: readonly StageDef[],
	customerName: (id: string) => string
): Deal[] {
	const text = foldText(f.text.trim());
	const out = deals.filter((d) => {
		if (f.stage && d.stage !== f.stage) return false;
		if (f.status && stageKind(stages, d.stage) !== f.status) return false;
		if (f.closeMonth && !d.expectedClose.startsWith(f.closeMonth)) return false;
		if (!text) return true;
		const hay = foldText(
			[d.title, customerName(d.customerId), d.products.join(' '), d.competitor, d.nextStep].join(
				' '
			)
		);
		return hay.includes(text);
	});
	return out.sort(
		(a, b) =>
			(a.expectedClose || '9999').localeCompare(b.expectedClose || '9999') ||
			a.title.localeCompare(b.title)
	);
}
