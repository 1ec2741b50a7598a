/**
 * The demo data set, generated from a seed: a team of account managers, realistic Chinese and
 * English customers and months of interactions. The one-click demo, the end-to-end tests and the
 * benchmarks (100,000 customers, 1,000,000 interactions) all use this generator, in batches so
 * that a large set is never held in memory at once.
 *
 * Pure: the caller passes the clock (`now`) and how records are stamped.
 */
import type { ContactPerson, Customer, LifecycleStage, Tier } from '../domain/customer/customer';
import { searchKeysOf } from '../domain/customer/search-keys';
import { INTERACTION_TYPES, type Interaction } from '../domain/interaction/interaction';
import type { Member } from '../domain/member/member';
import { DAY_MS } from '../domain/shared/dates';
import type { Task } from '../domain/task/task';
import { createRecord } from '../sync/edit';
import type { Stamp } from '../sync/stamp';
import * as V from './demo-vocabulary';
import { Random } from './random';

export interface DemoOptions {
	seed: number;
	customers: number;
	/** Average interactions per customer (the actual count varies around it). */
	interactionsPerCustomer: number;
	now: number;
	/** Months of history the interactions spread over. */
	months?: number;
	stamp: () => Stamp;
	batchSize?: number;
	/** Marks every record `demo: true` so that "remove demo data" removes exactly them. */
	demo?: boolean;
}

export interface DemoBatch {
	customers: Customer[];
	contacts: ContactPerson[];
	interactions: Interaction[];
	tasks: Task[];
}

const STAGES: LifecycleStage[] = [
	'lead',
	'prospect',
	'customer',
	'customer',
	'customer',
	'loyal',
	'churned'
];
const TIERS: Tier[] = ['A', 'B', 'B', 'C', 'C', 'C'];
const SOURCES = ['referral', 'website', 'exhibition', 'cold_call', 'social', 'partner'] as const;

export function demoMembers(opts: Pick<DemoOptions, 'seed' | 'stamp' | 'demo'>): Member[] {
	const rnd = new Random(opts.seed ^ 0x5eed);
	return V.MEMBERS.map((m) =>
		createRecord<Member>(
			rnd.uuid(),
			{
				name: m.name,
				role: m.role,
				email: m.email,
				phone: m.phone,
				region: m.region,
				startDate: m.startDate,
				trashedAt: null,
				...(opts.demo ? { demo: true } : {})
			},
			opts.stamp()
		)
	);
}

function chineseName(rnd: Random): string {
	return rnd.pick(V.SURNAMES) + rnd.pick(V.GIVEN);
}

function mobile(rnd: Random): string {
	const prefix = rnd.pick([
		'135',
		'136',
		'137',
		'138',
		'139',
		'150',
		'158',
		'159',
		'186',
		'188',
		'189'
	]);
	return `+86${prefix}${String(rnd.int(0, 99_999_999)).padStart(8, '0')}`;
}

export function* generateDemo(opts: DemoOptions, owners: readonly Member[]): Generator<DemoBatch> {
	const rnd = new Random(opts.seed);
	const size = opts.batchSize ?? 2_000;
	const months = opts.months ?? 6;
	const managers = owners.filter((m) => m.role === 'manager');
	const demo = opts.demo ? { demo: true as const } : {};
	let batch: DemoBatch = { customers: [], contacts: [], interactions: [], tasks: [] };
	for (let n = 0; n < opts.customers; n++) {
		const owner = rnd.pick(managers.length ? managers : owners);
		const city = rnd.pick(V.CITIES);
		const isCompany = rnd.chance(0.4);
		const english = rnd.chance(0.15);
		const name = isCompany
			? english
				? rnd.pick(V.EN_COMPANIES) + (n > 7 ? ` ${n}` : '')
				: `${city}${rnd.pick(V.COMPANY_CORE)}${rnd.pick(V.COMPANY_KIND)}有限公司`
			: english
				? `${rnd.pick(V.EN_FIRST)} ${rnd.pick(V.EN_LAST)}`
				: chineseName(rnd);
		const phones = [mobile(rnd)];
		if (V.CITY_AREA[city] && rnd.chance(0.3))
			phones.push(`+86${V.CITY_AREA[city]}${rnd.int(60_000_000, 89_999_999)}`);
		const emails = rnd.chance(0.7) ? [`c${n}.${rnd.int(100, 999)}@example.com`] : [];
		const createdAt = opts.now - rnd.int(30, 30 * (months + 12)) * DAY_MS;
		const id = rnd.uuid();
		const data = {
			kind: isCompany ? ('company' as const) : ('person' as const),
			name,
			company:
				!isCompany && rnd.chance(0.5)
					? `${rnd.pick(V.COMPANY_CORE)}${rnd.pick(V.COMPANY_KIND)}`
					: '',
			phones,
			emails,
			wechat: rnd.chance(0.5) ? `wx_${n.toString(36)}${rnd.int(10, 99)}` : '',
			address: `${city}市${rnd.pick(['朝阳区', '浦东新区', '天河区', '南山区', '西湖区'])}${rnd.int(1, 999)}号`,
			city,
			industry: rnd.pick(V.INDUSTRIES),
			source: rnd.pick(SOURCES),
			tier: rnd.pick(TIERS),
			stage: rnd.pick(STAGES),
			tags: rnd.chance(0.6) ? [rnd.pick(V.TAGS)] : [],
			ownerId: owner.id,
			birthday:
				!isCompany && rnd.chance(0.6)
					? `${rnd.int(1960, 2000)}-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`
					: '',
			needs: rnd.chance(0.5)
				? rnd.pick([
						'需要年度维保方案',
						'关注交付周期',
						'Wants volume pricing',
						'计划扩产，需求量增加'
					])
				: '',
			notes: '',
			createdAt,
			trashedAt: null,
			...demo
		};
		let lastContactAt: number | null = null;
		const count = rnd.int(0, Math.max(0, Math.round(opts.interactionsPerCustomer * 2)));
		for (let k = 0; k < count; k++) {
			const type = rnd.pick(INTERACTION_TYPES);
			const at = opts.now - rnd.int(0, months * 30 * DAY_MS);
			if (lastContactAt === null || at > lastContactAt) lastContactAt = at;
			batch.interactions.push(
				createRecord<Interaction>(
					rnd.uuid(),
					{
						customerId: id,
						type,
						at,
						durationMinutes: type === 'email' || type === 'wechat' ? null : rnd.int(5, 120),
						summary: rnd.pick(V.SUMMARIES[type] ?? V.OUTCOMES),
						outcome: rnd.pick(V.OUTCOMES),
						satisfaction: rnd.chance(0.4) ? rnd.int(2, 5) : null,
						nextFollowUp: null,
						ownerId: owner.id,
						trashedAt: null,
						...demo
					},
					opts.stamp()
				)
			);
		}
		batch.customers.push(
			createRecord<Customer>(
				id,
				{ ...data, lastContactAt, searchKeys: searchKeysOf(data) },
				opts.stamp()
			)
		);
		if (isCompany) {
			for (let k = rnd.int(1, 3); k > 0; k--) {
				batch.contacts.push(
					createRecord<ContactPerson>(
						rnd.uuid(),
						{
							customerId: id,
							name: english ? `${rnd.pick(V.EN_FIRST)} ${rnd.pick(V.EN_LAST)}` : chineseName(rnd),
							title: rnd.pick(V.TITLES),
							phones: [mobile(rnd)],
							emails: [],
							wechat: '',
							isPrimary: k === 1,
							notes: '',
							trashedAt: null,
							...demo
						},
						opts.stamp()
					)
				);
			}
		}
		if (rnd.chance(0.15)) {
			batch.tasks.push(
				createRecord<Task>(
					rnd.uuid(),
					{
						title: rnd.pick(['回访客户', '发送报价', 'Prepare renewal offer', '确认发货']),
						dueAt: opts.now + rnd.int(-5, 14) * DAY_MS,
						priority: rnd.pick(['low', 'normal', 'high'] as const),
						customerId: id,
						dealId: null,
						fromInteractionId: null,
						kind: 'follow_up',
						done: false,
						doneAt: null,
						ownerId: owner.id,
						trashedAt: null,
						...demo
					},
					opts.stamp()
				)
			);
		}
		if (batch.customers.length >= size) {
			yield batch;
			batch = { customers: [], contacts: [], interactions: [], tasks: [] };
		}
	}
	if (batch.customers.length) yield batch;
}
