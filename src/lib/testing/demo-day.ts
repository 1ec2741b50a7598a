/**
 * Demo records of an account manager's day, generated from a seed for the customers of the demo
 * (batch by batch, alongside them): deals across the pipeline (won ones with their order),
 * purchase history, tickets (some past their deadline), satisfaction and NPS answers, and goals
 * for each manager for the current month, quarter and year.
 *
 * Pure: the clock, the time zone offset and the stamps are passed in.
 */
import type { Customer } from '../domain/customer/customer';
import type { Deal } from '../domain/deal/deal';
import { stageChangeOf, type DealStageChange } from '../domain/deal/stage-history';
import { DEFAULT_STAGES } from '../domain/deal/stages';
import type { Feedback } from '../domain/feedback/feedback';
import type { Goal, GoalMetric, KpiMetric } from '../domain/goal/goal';
import { goalId } from '../domain/team/keyed-id';
import {
	DAY_MS,
	HOUR_MS,
	localIsoDate,
	periodContaining,
	type PeriodKind
} from '../domain/shared/dates';
import type { Member } from '../domain/member/member';
import type { Order } from '../domain/order/order';
import { resolutionDeadline } from '../domain/ticket/deadline';
import { TICKET_KINDS, TICKET_PRIORITIES, type Ticket } from '../domain/ticket/ticket';
import { createRecord } from '../sync/edit';
import type { Stamp } from '../sync/stamp';
import { Random } from './random';

export interface DayDemoOptions {
	seed: number;
	now: number;
	tzOffsetMin: number;
	stamp: () => Stamp;
	demo?: boolean;
}

export interface DayDemoBatch {
	deals: Deal[];
	/** Each deal's history: its creation as a lead, and its move to where it stands. */
	stageChanges: DealStageChange[];
	orders: Order[];
	tickets: Ticket[];
	feedback: Feedback[];
}

const PRODUCTS = [
	'工业传感器',
	'年度维保',
	'数据平台授权',
	'Installation service',
	'备件包',
	'培训课程'
];
const DEAL_TITLES = ['年度采购', '设备升级', '扩容项目', 'Renewal', '新产线配套', '试点项目'];
const COMPETITORS = ['华信科技', '远航智能', 'Acme Corp', '东方精工'];
const LOST_REASONS = ['价格偏高', '交付周期太长', 'Chose an existing supplier', '预算取消'];
const TICKET_TITLES: Record<Ticket['kind'], string[]> = {
	complaint: ['发货延迟投诉', '服务态度投诉', 'Invoice was wrong'],
	support: ['安装咨询', '系统登录问题', 'How to export reports'],
	repair: ['设备无法启动', '传感器读数异常'],
	return: ['包装破损退货', 'Wrong model delivered'],
	exchange: ['型号不符换货', '颜色换货']
};
const CHANNELS = ['phone', 'wechat', 'email', 'visit', 'survey'];
const OPEN_STAGES = DEFAULT_STAGES.filter((s) => s.kind === 'open');

/**
 * A demo deal's history, made without drawing from the random sequence (so the rest of the demo
 * stays as it was): created as a lead, then moved to its stage (a lost deal from the open stage
 * its id picks) on its close, or halfway to now for an open one.
 */
function history(deal: Deal, now: number, opts: DayDemoOptions): DealStageChange[] {
	const first = OPEN_STAGES[0]!.key;
	const createdAt = Math.min(deal.createdAt, now - DAY_MS);
	const lostFrom = OPEN_STAGES[hash(deal.id) % OPEN_STAGES.length]!.key;
	const from = DEFAULT_STAGES.find((s) => s.key === deal.stage)?.kind === 'lost' ? lostFrom : first;
	const movedAt = deal.closedAt ?? createdAt + Math.floor((now - createdAt) / 2);
	const entries = [
		stageChangeOf({ ...deal, stage: null }, from, createdAt),
		stageChangeOf({ ...deal, stage: from }, deal.stage, Math.max(movedAt, createdAt))
	];
	return entries
		.filter((e) => e !== null)
		.map((e, i) => createRecord<DealStageChange>(`${deal.id}:stage:${i}`, e, opts.stamp()));
}

/** Deals, orders, tickets and feedback for one batch of demo customers. */
export function generateDayDemo(
	customers: readonly Customer[],
	opts: DayDemoOptions
): DayDemoBatch {
	// Seeded per batch (by its first customer) so batches differ but stay reproducible.
	const rnd = new Random(opts.seed ^ hash(customers[0]?.id ?? ''));
	const demo = opts.demo ? { demo: true as const } : {};
	const out: DayDemoBatch = { deals: [], stageChanges: [], orders: [], tickets: [], feedback: [] };
	const { now, tzOffsetMin } = opts;
	for (const c of customers) {
		const owner = c.ownerId;
		if (rnd.chance(0.35)) {
			const roll = rnd.next();
			const stage =
				roll < 0.6 ? rnd.pick(OPEN_STAGES) : roll < 0.85 ? DEFAULT_STAGES[4] : DEFAULT_STAGES[5];
			if (!stage) continue;
			const minor = rnd.int(20, 5_000) * 10_000;
			const closedAt = stage.kind === 'open' ? null : now - rnd.int(0, 60) * DAY_MS;
			const expectedAt = closedAt ?? now + rnd.int(-10, 90) * DAY_MS;
			const products = [rnd.pick(PRODUCTS)];
			const id = rnd.uuid();
			const title = `${c.name} · ${rnd.pick(DEAL_TITLES)}`;
			out.deals.push(
				createRecord<Deal>(
					id,
					{
						customerId: c.id,
						title,
						stage: stage.key,
						amount: { minor, currency: 'CNY' },
						expectedClose: localIsoDate(expectedAt, tzOffsetMin),
						probability: stage.probability,
						products,
						competitor: stage.kind === 'lost' || rnd.chance(0.3) ? rnd.pick(COMPETITORS) : '',
						nextStep:
							stage.kind === 'open'
								? rnd.pick(['发送报价单', '安排现场演示', 'Call the buyer'])
								: '',
						lostReason: stage.kind === 'lost' ? rnd.pick(LOST_REASONS) : '',
						ownerId: owner,
						createdAt: expectedAt - rnd.int(20, 120) * DAY_MS,
						closedAt,
						trashedAt: null,
						...demo
					},
					opts.stamp()
				)
			);
			out.stageChanges.push(...history(out.deals[out.deals.length - 1]!, now, opts));
			if (stage.kind === 'won' && closedAt !== null) {
				out.orders.push(order(rnd, opts, c, id, closedAt, minor, products, title));
			}
		}
		// Earlier purchases, before the pipeline's time.
		for (let k = rnd.chance(0.3) ? rnd.int(1, 3) : 0; k > 0; k--) {
			const at = now - rnd.int(30, 360) * DAY_MS;
			out.orders.push(
				order(rnd, opts, c, null, at, rnd.int(5, 800) * 10_000, [rnd.pick(PRODUCTS)], '')
			);
		}
		if (rnd.chance(0.1)) out.tickets.push(ticket(rnd, opts, c));
		if (rnd.chance(0.25)) {
			const nps = rnd.chance(0.35);
			out.feedback.push(
				createRecord<Feedback>(
					rnd.uuid(),
					{
						customerId: c.id,
						kind: nps ? 'nps' : 'csat',
						score: nps ? rnd.pick([3, 6, 7, 8, 9, 9, 10, 10]) : rnd.pick([2, 3, 4, 4, 5, 5]),
						channel: rnd.pick(CHANNELS),
						comment: rnd.chance(0.5)
							? rnd.pick(['服务很及时', '希望交付更快', 'Very helpful'])
							: '',
						at: now - rnd.int(0, 150) * DAY_MS,
						ownerId: owner,
						trashedAt: null,
						...demo
					},
					opts.stamp()
				)
			);
		}
	}
	return out;
}

/** FNV-1a, enough to derive a seed from an id. */
function hash(s: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
	return h >>> 0;
}

function order(
	rnd: Random,
	opts: DayDemoOptions,
	c: Customer,
	dealId: string | null,
	at: number,
	minor: number,
	products: string[],
	notes: string
): Order {
	return createRecord<Order>(
		rnd.uuid(),
		{
			customerId: c.id,
			dealId,
			at,
			amount: { minor, currency: 'CNY' },
			products,
			notes,
			ownerId: c.ownerId,
			trashedAt: null,
			...(opts.demo ? { demo: true as const } : {})
		},
		opts.stamp()
	);
}

function ticket(rnd: Random, opts: DayDemoOptions, c: Customer): Ticket {
	const kind = rnd.pick(TICKET_KINDS);
	const priority = rnd.pick(TICKET_PRIORITIES);
	const openedAt = opts.now - rnd.int(1, 24 * 20) * HOUR_MS;
	const status = rnd.pick([
		'new',
		'in_progress',
		'waiting_customer',
		'resolved',
		'closed'
	] as const);
	const done = status === 'resolved' || status === 'closed';
	return createRecord<Ticket>(
		rnd.uuid(),
		{
			customerId: c.id,
			kind,
			status,
			priority,
			title: rnd.pick(TICKET_TITLES[kind]),
			description: '',
			department: rnd.chance(0.4) ? rnd.pick(['technical', 'after_sales', 'sales'] as const) : '',
			handoverNote: '',
			resolution: done ? rnd.pick(['已补发货物', '远程指导解决', 'Replaced the unit']) : '',
			openedAt,
			deadlineAt: resolutionDeadline(openedAt, priority),
			closedAt: done ? Math.min(opts.now, openedAt + rnd.int(1, 96) * HOUR_MS) : null,
			satisfaction: status === 'closed' && rnd.chance(0.7) ? rnd.int(2, 5) : null,
			ownerId: c.ownerId,
			trashedAt: null,
			...(opts.demo ? { demo: true as const } : {})
		},
		opts.stamp()
	);
}

const GOAL_PLAN: { metric: GoalMetric; kind: PeriodKind; target: (rnd: Random) => number }[] = [
	{ metric: 'sales_amount', kind: 'month', target: (r) => r.int(50, 300) * 1_000_000 },
	{ metric: 'interactions', kind: 'month', target: (r) => r.int(30, 120) },
	{ metric: 'follow_ups', kind: 'month', target: (r) => r.int(10, 40) },
	{ metric: 'new_customers', kind: 'quarter', target: (r) => r.int(5, 25) },
	{ metric: 'avg_satisfaction', kind: 'year', target: () => 4.2 }
];

/**
 * Goals of each manager for the current month, quarter and year; and the lead's quarter goals on
 * the metrics only they set (keyed ids, a market share entered by hand), drawn from a generator
 * of their own so that the other goals stay as they were.
 */
export function generateDemoGoals(members: readonly Member[], opts: DayDemoOptions): Goal[] {
	const rnd = new Random(opts.seed ^ 0x60a1);
	const managers = members.filter((m) => m.role === 'manager');
	const setBy = members.find((m) => m.role === 'ops_lead')?.id ?? managers[0]?.id ?? '';
	return [...managerGoals(managers, setBy, rnd, opts), ...leadGoals(managers, setBy, opts)];
}

function leadGoals(managers: readonly Member[], setBy: string, opts: DayDemoOptions): Goal[] {
	const rnd = new Random(opts.seed ^ 0x5ba3);
	const periodStart = periodContaining('quarter', opts.now, opts.tzOffsetMin).start;
	const made = (ownerId: string, metric: KpiMetric, target: number, entered?: number) =>
		createRecord<Goal>(
			goalId(ownerId, metric, 'quarter', periodStart),
			{
				ownerId,
				metric,
				periodKind: 'quarter',
				periodStart,
				target,
				...(entered === undefined ? {} : { enteredActual: entered }),
				setBy,
				trashedAt: null,
				...(opts.demo ? { demo: true as const } : {})
			},
			opts.stamp()
		);
	return managers.flatMap((m) => [
		made(m.id, 'avg_resolution_time', rnd.int(12, 48)),
		made(m.id, 'market_share', rnd.int(10, 30), rnd.int(5, 30))
	]);
}

function managerGoals(
	managers: readonly Member[],
	setBy: string,
	rnd: Random,
	opts: DayDemoOptions
): Goal[] {
	return managers.flatMap((m) =>
		GOAL_PLAN.map((p) =>
			createRecord<Goal>(
				rnd.uuid(),
				{
					ownerId: m.id,
					metric: p.metric,
					periodKind: p.kind,
					periodStart: periodContaining(p.kind, opts.now, opts.tzOffsetMin).start,
					target: p.target(rnd),
					setBy,
					trashedAt: null,
					...(opts.demo ? { demo: true as const } : {})
				},
				opts.stamp()
			)
		)
	);
}
