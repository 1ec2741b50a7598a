import type { Deal } from '$lib/domain/deal/deal';
import {
	DEFAULT_STAGES,
	findStage,
	isOpenStage,
	stageKind,
	validateStages,
	type StageConfig
} from '$lib/domain/deal/stages';
import { stageChangeOf, type DealStageChange } from '$lib/domain/deal/stage-history';
import { moveDeal, type DealEffect } from '$lib/domain/deal/transitions';
import { parseIsoDate } from '$lib/domain/shared/dates';
import type { Order } from '$lib/domain/order/order';
import type { Money } from '$lib/domain/shared/types';
import { createRecord, editRecord } from '$lib/sync/edit';
import { db } from '../db';
import { NotFound, ValidationFailed } from '../errors';
import { newId } from '../ids';
import { nextStamp } from '../session';
import { guarded } from '../write';
import { editById } from './edit-by-id';
import { isFiniteNumber, refuse, textError } from './field-errors';
import { assertMayLeaveStage, gateTables } from './checklist-gate';
import { readTeamSetting, writeTeamSetting } from './team-settings';

/** The team's stages, as the deal pages read them (the type is the domain's). */
export type { StageConfig };

/** The fields a person sets on a deal (the stage changes through `moveDealTo`). */
export type DealDraft = Pick<
	Deal,
	| 'customerId'
	| 'title'
	| 'amount'
	| 'expectedClose'
	| 'probability'
	| 'products'
	| 'competitor'
	| 'nextStep'
	| 'ownerId'
>;

const CURRENCY = /^[A-Z]{3}$/;

function checkMoney(m: Money, errors: { field: string; code: string }[]): void {
	if (!Number.isSafeInteger(m.minor) || m.minor < 0 || !CURRENCY.test(m.currency))
		errors.push({ field: 'amount', code: 'amount_invalid' });
}

function checked(d: DealDraft): DealDraft {
	const errors: { field: string; code: string }[] = [];
	if (!d.customerId) errors.push({ field: 'customerId', code: 'customer_required' });
	const title = textError('title', d.title, 200, true);
	if (title) errors.push(title);
	checkMoney(d.amount, errors);
	if (d.expectedClose !== '' && !parseIsoDate(d.expectedClose))
		errors.push({ field: 'expectedClose', code: 'date_invalid' });
	if (!isFiniteNumber(d.probability) || d.probability < 0 || d.probability > 100)
		errors.push({ field: 'probability', code: 'probability_invalid' });
	for (const [field, value] of [
		['competitor', d.competitor],
		['nextStep', d.nextStep]
	] as const) {
		const e = textError(field, value, 500, false);
		if (e) errors.push(e);
	}
	if (!d.ownerId) errors.push({ field: 'ownerId', code: 'owner_required' });
	refuse(errors);
	return {
		...d,
		title: d.title.trim(),
		competitor: d.competitor.trim(),
		nextStep: d.nextStep.trim(),
		products: d.products.map((p) => p.trim()).filter(Boolean)
	};
}

/** The team's stages (a team setting: set by the lead, carried in files). */
export async function getStageConfig(): Promise<StageConfig> {
	const stored = await readTeamSetting('dealStages');
	return stored ?? { stages: DEFAULT_STAGES.map((s) => ({ ...s })), labels: {} };
}

export async function setStageConfig(config: StageConfig): Promise<void> {
	const codes = validateStages(config.stages);
	if (codes.length) throw new ValidationFailed(codes.map((code) => ({ field: 'stages', code })));
	await writeTeamSetting('dealStages', config);
}

export function getDeal(id: string): Promise<Deal | undefined> {
	return db().deals.get(id);
}

/** Deals of one owner, or of everyone when `ownerId` is null; trashed ones left out. */
export async function listDeals(ownerId: string | null): Promise<Deal[]> {
	const table = db().deals;
	const list = await (ownerId === null
		? table.toArray()
		: table.where('ownerId').equals(ownerId).toArray());
	return list.filter((d) => d.trashedAt === null);
}

export async function listDealsForCustomer(customerId: string): Promise<Deal[]> {
	const list = await db().deals.where('customerId').equals(customerId).toArray();
	return list.filter((d) => d.trashedAt === null);
}

/** Creates a deal in an open stage, with that stage's default probability unless one is given. */
export async function createDeal(draft: DealDraft, stage: string): Promise<string> {
	const value = checked(draft);
	const { stages } = await getStageConfig();
	if (!findStage(stages, stage) || !isOpenStage(stages, stage))
		throw new ValidationFailed([{ field: 'stage', code: 'stage_unknown' }]);
	const id = newId();
	const [stamp, moveStamp] = [await nextStamp(), await nextStamp()];
	const now = Date.now();
	const record = createRecord<Deal>(
		id,
		{
			...value,
			stage,
			lostReason: '',
			createdAt: now,
			closedAt: null,
			trashedAt: null
		},
		stamp
	);
	// The deal's first entry in its history: it entered the funnel at this stage.
	const entry = stageChangeOf({ ...record, stage: null }, stage, now);
	const d = db();
	await guarded(() =>
		d.transaction('rw', d.deals, d.dealStageChanges, async () => {
			await d.deals.add(record);
			if (entry)
				await d.dealStageChanges.add(createRecord<DealStageChange>(newId(), entry, moveStamp));
		})
	);
	return id;
}

export async function updateDeal(id: string, draft: DealDraft): Promise<void> {
	const value = checked(draft);
	await editById(db().deals, id, () => value);
}

export async function trashDeal(id: string): Promise<void> {
	await editById(db().deals, id, () => ({ trashedAt: Date.now() }));
}

/**
 * Moves a deal to another stage (board drag and drop, the keyboard "move to" control, or the
 * deal page) following deal/transitions.ts: losing needs a reason and the competitor (refused with
 * `lost_reason_required` / `competitor_required` otherwise), and winning records an order in the
 * customer's purchase history, in the same transaction as the move. A required item of the
 * stage's checklist left unticked refuses the move (`ChecklistIncomplete`), but for a loss.
 * Returns the effects, so the page can say what happened.
 */
export async function moveDealTo(
	id: string,
	toStage: string,
	opts: { lostReason?: string; competitor?: string; probability?: number } = {}
): Promise<DealEffect['kind'][]> {
	const { stages } = await getStageConfig();
	const [dealStamp, orderStamp, moveStamp] = [
		await nextStamp(),
		await nextStamp(),
		await nextStamp()
	];
	const d = db();
	return guarded(() =>
		d.transaction('rw', [d.deals, d.orders, d.dealStageChanges, ...gateTables(d)], async () => {
			const deal = await d.deals.get(id);
			if (!deal) throw new NotFound(`deal ${id}`);
			const now = Date.now();
			const result = moveDeal(deal, toStage, now, { ...opts, stages });
			if (!result.ok) throw new ValidationFailed(result.errors);
			await assertMayLeaveStage(d, deal, toStage, stageKind(stages, toStage));
			const { next, changed } = editRecord(deal, result.patch, dealStamp);
			if (changed.length) await d.deals.put(next);
			// The move joins the deal's history, in the same transaction as the move itself.
			const move = stageChangeOf(deal, toStage, now);
			if (move)
				await d.dealStageChanges.add(createRecord<DealStageChange>(newId(), move, moveStamp));
			for (const effect of result.effects) {
				if (effect.kind !== 'record_order') continue;
				const demo = deal.demo ? { demo: true as const } : {};
				await d.orders.add(
					createRecord<Order>(newId(), { ...effect.order, trashedAt: null, ...demo }, orderStamp)
				);
			}
			return result.effects.map((e) => e.kind);
		})
	);
}
