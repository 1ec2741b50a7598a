import { stageName } from '$lib/components/deal/text';
import { ticketKindText } from '$lib/components/ticket/text';
import type { ChecklistScope } from '$lib/domain/plan/checklists';
import { t } from '$lib/i18n/i18n.svelte';

/** "Deal stage: Proposal", "Ticket kind: Repair". */
export function scopeText(scope: ChecklistScope, stageLabels: Record<string, string> = {}): string {
	return scope.kind === 'deal_stage'
		? t('plan.checklist_of_stage', { stage: stageName(scope.stage, stageLabels) })
		: t('plan.checklist_of_ticket', { kind: ticketKindText(scope.ticketKind) });
}
