import { lateChangeId } from '$lib/domain/pay/closing';
import { computeStandings, standingsId } from '$lib/domain/pay/contests';
import { acknowledgementId } from '$lib/domain/pay/disputes';
import { payCloseId } from '$lib/domain/pay/pay-close';
import type {
	PayAck,
	StoredAdjustment,
	StoredContest,
	StoredDispute,
	StoredPayClose,
	StoredPayPlan,
	StoredStandings,
	StoredStatement,
	StoredTeamBonus
} from '$lib/domain/pay/synced';
import { planOf, statementOf } from '$lib/domain/pay/test-helpers';
import { createRecord } from '$lib/sync/edit';
import type { Stamp } from '$lib/sync/stamp';

/**
 * Records of the pay tables as the repositories write them, every field set: a plan, a closed
 * March with a statement, an adjustment of it in April, a team bonus, an acknowledgement, a
 * dispute, a contest and its standings. For tests that need a record of every synced table.
 */
export function paySamples(memberId: string, leadId: string, stamp: () => Stamp, now: number) {
	const { id: planId, ...plan } = planOf();
	const { id: sid, ...statement } = { ...statementOf({ memberId }), closedAt: now };
	const late = lateChangeId(memberId, '2025-03-01', 1);
	const { id: _standings, ...standings } = computeStandings(
		'contest-1',
		[{ memberId, value: 12_000_00 }],
		now
	);
	return {
		payPlans: [createRecord<StoredPayPlan>(planId, plan, stamp())],
		payCloses: [
			createRecord<StoredPayClose>(
				payCloseId('2025-03-01'),
				{
					start: '2025-03-01',
					end: '2025-04-01',
					zone: 'Asia/Shanghai',
					statementIds: [sid],
					closedAt: now,
					closedBy: leadId
				},
				stamp()
			)
		],
		payStatements: [createRecord<StoredStatement>(sid, statement, stamp())],
		payAdjustments: [
			createRecord<StoredAdjustment>(
				late,
				{
					memberId,
					kind: 'clawback',
					minor: -3_00,
					currency: 'CNY',
					sourcePeriodStart: '2025-03-01',
					periodStart: '2025-04-01',
					reasons: ['orders_removed'],
					removedOrderIds: ['order-1'],
					addedOrderIds: [],
					lines: [{ key: 'commission:0', frozenMinor: 3_000_00, recomputedMinor: 2_997_00 }],
					note: '退货',
					createdAt: now,
					createdBy: leadId
				},
				stamp()
			)
		],
		payTeamBonuses: [
			createRecord<StoredTeamBonus>(
				'team-bonus-1',
				{
					periodStart: '2025-03-01',
					pot: { minor: 10_000_00, currency: 'CNY' },
					method: 'sales',
					memberIds: [memberId, leadId],
					note: '季度冲刺',
					trashedAt: null
				},
				stamp()
			)
		],
		payAcks: [
			createRecord<PayAck>(
				acknowledgementId(sid, memberId),
				{ memberId, kind: 'statement', subjectId: sid, at: now },
				stamp()
			)
		],
		payDisputes: [
			createRecord<StoredDispute>(
				'dispute-1',
				{ statementId: sid, lineKey: 'commission:1', memberId, comment: '少算了一单', at: now },
				stamp()
			)
		],
		contests: [
			createRecord<StoredContest>(
				'contest-1',
				{
					title: '三月冲刺',
					metric: 'sales_amount',
					currency: 'CNY',
					start: '2025-03-01',
					end: '2025-04-01',
					prize: '奖杯',
					prizeAmount: { minor: 500_00, currency: 'CNY' },
					trashedAt: null
				},
				stamp()
			)
		],
		contestStandings: [createRecord<StoredStandings>(standingsId('contest-1'), standings, stamp())]
	};
}
