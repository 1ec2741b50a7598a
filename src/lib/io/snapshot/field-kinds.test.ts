// The registry of synced tables against the records the app makes: every field of a record of
// each domain type must be in its table's entry, with a kind its value fits, or a snapshot reader
// would keep it aside in `_extra` or refuse the record; and the entry lists no field the type
// lacks. (The type checker holds each entry to its domain type too: sync/tables.ts.)
import { describe, expect, it } from 'vitest';
import type { Review } from '../../domain/review/review';
import { DEFAULT_SCORECARD } from '../../domain/review/scorecard';
import { createRecord } from '../../sync/edit';
import type { SyncRecord } from '../../sync/merge';
import { fieldKinds, SYNCED_TABLES, type SyncedTable } from '../../sync/tables';
import { demoMembers, generateDemo } from '../../testing/demo-data';
import { generateDayDemo, generateDemoGoals } from '../../testing/demo-day';
import { demoClosedMonth, generateTeamDemo } from '../../testing/demo-team';
import type { TeamSetting } from '../../domain/team/team-settings';
import { paySamples } from '../../testing/pay-samples';
import { rhythmSamples } from '../../testing/rhythm-samples';
import { fitsKind, MAX_JSON } from './field-kinds';
import { restoreRecord } from './restore';
import { stamp } from './test-util';

const NOW = Date.UTC(2026, 2, 14, 9);
const byMember = () => stamp(NOW, 'dev1');

/** Records of every synced table, as the app's generator makes them (with every field set). */
function samples(): Record<SyncedTable, SyncRecord[]> {
	const opts = { seed: 7, now: NOW, stamp: byMember, demo: true };
	const members = demoMembers(opts);
	const batches = [
		...generateDemo({ ...opts, customers: 60, interactionsPerCustomer: 4 }, members)
	];
	const customers = batches.flatMap((b) => b.customers);
	const day = generateDayDemo(customers, { ...opts, tzOffsetMin: 480 });
	// The generator writes no reviews: one written as the review form does.
	const review = createRecord<Review>(
		'r1',
		{
			memberId: members[0]!.id,
			periodStart: '2026-03-01',
			periodKind: 'month',
			scorecard: DEFAULT_SCORECARD,
			kpis: [
				{ metric: 'sales_amount', target: 50_000_000, actual: 42_000_000 },
				{ metric: 'avg_satisfaction', target: 4.5, actual: null }
			],
			ratings: { communication: { rating: 4, comment: '表达清楚' } },
			strengths: '客户关系稳固',
			plan: [{ id: 'a1', text: '每周复盘两个丢单', due: '2026-04-30', done: false }],
			score: 84.5,
			notes: '跟进及时',
			reviewerId: members[1]!.id,
			at: NOW,
			leadSignedAt: NOW,
			memberSignedAt: null,
			memberComment: '',
			trashedAt: null,
			demo: true
		},
		byMember()
	);
	const team = { ...opts, zone: 'Asia/Shanghai' };
	const { levels, facts } = generateTeamDemo(members, team);
	const sources = { customers, orders: day.orders, tickets: day.tickets, feedback: day.feedback };
	const closed = demoClosedMonth(members, facts, sources, {
		...team,
		currency: 'CNY',
		closedBy: members[4]!.id
	});
	// The generator writes no team settings: one written as the settings repository does.
	const zone = createRecord<TeamSetting>(
		'team_setting:zone',
		{ key: 'zone', value: 'Asia/Shanghai' },
		byMember()
	);
	return {
		levels,
		memberFacts: facts,
		periodCloses: closed ? [closed] : [],
		teamSettings: [zone],
		members,
		customers,
		contacts: batches.flatMap((b) => b.contacts),
		interactions: batches.flatMap((b) => b.interactions),
		tasks: batches.flatMap((b) => b.tasks),
		deals: day.deals,
		dealStageChanges: day.stageChanges,
		orders: day.orders,
		tickets: day.tickets,
		feedback: day.feedback,
		goals: generateDemoGoals(members, { ...opts, tzOffsetMin: 480 }),
		reviews: [review],
		...rhythmSamples(members[0]!.id, day.deals[0]!.id, byMember, NOW),
		...paySamples(members[0]!.id, members[1]!.id, byMember, NOW)
	};
}

const dataFields = (r: object) => Object.keys(r).filter((k) => k !== 'id' && k !== '_meta');

describe('the registry of synced tables and the records the app makes', () => {
	const all = samples();

	it('has records of every table to check', () => {
		for (const table of SYNCED_TABLES) expect(all[table].length, table).toBeGreaterThan(0);
	});

	it('lists every field of each record, with a kind its value fits', () => {
		const wrong: string[] = [];
		for (const table of SYNCED_TABLES) {
			const kinds = fieldKinds(table)!;
			for (const r of all[table])
				for (const [f, v] of Object.entries(r)) {
					if (f === 'id' || f === '_meta') continue;
					if (!Object.hasOwn(kinds, f)) wrong.push(`${table}.${f}: not listed`);
					else if (!fitsKind(kinds[f]!, v)) wrong.push(`${table}.${f}: ${JSON.stringify(v)}`);
				}
		}
		expect([...new Set(wrong)]).toEqual([]);
	});

	it('lists no field the records lack', () => {
		for (const table of SYNCED_TABLES) {
			const seen = new Set(all[table].flatMap(dataFields));
			expect(Object.keys(fieldKinds(table)!).sort(), table).toEqual([...seen].sort());
		}
	});

	it('so a snapshot reader keeps each record whole, nothing set aside', () => {
		for (const table of SYNCED_TABLES)
			for (const r of all[table].slice(0, 20)) {
				const read = restoreRecord(table, JSON.parse(JSON.stringify(r)));
				expect(read, `${table} ${r.id}`).toMatchObject({ ok: true, known: true });
				expect(read.ok && read.record._extra, table).toBeUndefined();
			}
	});

	it('would set aside a field the registry does not list, and refuse a value of the wrong kind', () => {
		const [c] = all.customers;
		const unlisted = restoreRecord('customers', { ...c, nickname: '老张' });
		expect(unlisted.ok && unlisted.record._extra).toEqual({ nickname: '老张' });
		expect(restoreRecord('customers', { ...c, phones: '+8613800138000' })).toMatchObject({
			ok: false,
			reason: 'phones'
		});
	});
});

describe('the json kind', () => {
	it('takes plain data of any shape', () => {
		for (const v of [null, 0, 'x', true, [], {}, { a: [1, { b: null }] }, [['x', 2.5]]])
			expect(fitsKind('json', v), JSON.stringify(v)).toBe(true);
	});
	it('refuses what JSON cannot hold, and data too long', () => {
		for (const v of [undefined, Number.NaN, Infinity, { a: () => 1 }, new Date(0), [undefined]])
			expect(fitsKind('json', v), String(v)).toBe(false);
		expect(fitsKind('json', 'x'.repeat(MAX_JSON))).toBe(false);
		expect(fitsKind('json', { figures: 'x'.repeat(MAX_JSON - 20) })).toBe(true);
	});
});
