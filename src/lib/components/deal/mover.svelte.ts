import { saveFailure } from '$lib/components/ui/form/save-failure';
import { ChecklistIncomplete } from '$lib/db/repos/checklist-gate';
import { moveDealTo, type StageConfig } from '$lib/db/repos/deals';
import type { Deal } from '$lib/domain/deal/deal';
import { stageKind } from '$lib/domain/deal/stages';
import type { DealEffect } from '$lib/domain/deal/transitions';
import { formatList, t } from '$lib/i18n/i18n.svelte';
import { dealErrorText, stageName } from './text';

/**
 * Moving deals between stages from the board (drag and drop or the "move to" select), the table
 * or the deal page. A move to the lost stage first asks for the reason and the competitor (the
 * dialog reads `asking`); what a move did (an order recorded) is announced in `status`.
 */
export class DealMover {
	asking = $state.raw<{ deal: Deal; stage: string } | null>(null);
	status = $state('');
	error = $state('');
	readonly #config: () => StageConfig;

	constructor(config: () => StageConfig) {
		this.#config = config;
	}

	async move(deal: Deal, stage: string): Promise<void> {
		this.status = '';
		this.error = '';
		if (deal.stage === stage) return;
		if (stageKind(this.#config().stages, stage) === 'lost') {
			this.asking = { deal, stage };
			return;
		}
		try {
			this.announce(deal, stage, await moveDealTo(deal.id, stage));
		} catch (err) {
			this.error = moveErrorText(err);
		}
	}

	/** What happened, for the status line. */
	announce(deal: Deal, stage: string, effects: DealEffect['kind'][]): void {
		const moved = t('deals.deal_moved', {
			title: deal.title,
			stage: stageName(stage, this.#config().labels)
		});
		const extra = effects
			.map((e) =>
				e === 'record_order'
					? t('deals.effect_record_order')
					: e === 'review_order'
						? t('deals.effect_review_order')
						: ''
			)
			.filter(Boolean);
		this.status = [moved, ...extra].join(' ');
	}
}

/** Why a move was refused: the required checklist items by name, or the refusal's first code. */
export function moveErrorText(err: unknown): string {
	if (err instanceof ChecklistIncomplete)
		return t('plan.blocks_move', { items: formatList(err.labels.filter(Boolean)) });
	const f = saveFailure(err);
	return f.errors[0] ? dealErrorText(f.errors[0].code) : f.message;
}
