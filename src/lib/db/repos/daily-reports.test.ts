import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { HOUR_MS } from '$lib/domain/shared/dates';
import { db } from '../db';
import {
	commentOnReport,
	draftDay,
	getDailyReport,
	latestReports,
	saveDailyReport,
	teamDayReports
} from './daily-reports';
import { createDeal, moveDealTo } from './deals';
import { logInteraction } from './interactions';
import { contact, customer, dealDraft, errorCodes, fixedClock, me } from './test-fixtures';
import { closeTicket, createTicket } from './tickets';

const TEAM = 480;
/** Friday 13 March 2026, 17:00 in Shanghai (UTC+8). */
const NOW = Date.UTC(2026, 2, 13, 9);
const DAY = '2026-03-13';

fixedClock(NOW);

const draft = (memberId: string, over = {}) => ({
	memberId,
	date: DAY,
	problems: '报价审批慢',
	helpNeeded: '',
	tomorrowPlan: '拜访两家客户',
	...over
});

describe('daily reports', () => {
	it('are drafted from the day’s log: contacts, visits, deals moved, tickets closed', async () => {
		const owner = await me();
		const a = await customer('日报客户甲');
		const b = await customer('日报客户乙');
		await logInteraction(contact(a, owner, NOW - HOUR_MS, { type: 'visit' }));
		await logInteraction(contact(a, owner, NOW - 2 * HOUR_MS));
		await logInteraction(contact(b, owner, NOW - 3 * HOUR_MS, { type: 'wechat' }));
		await logInteraction(contact(b, owner, NOW - 24 * HOUR_MS)); // yesterday
		const deal = await createDeal(dealDraft(a, owner, '日报商机'), 'lead');
		await moveDealTo(deal, 'needs_confirmed');
		const ticket = await createTicket({
			customerId: b,
			kind: 'support',
			priority: 'normal',
			title: '安装问题',
			description: '',
			openedAt: NOW - 5 * HOUR_MS,
			ownerId: owner
		});
		await closeTicket(ticket, null);

		expect(await draftDay(owner, DAY, TEAM)).toEqual({
			contacts: 2,
			visits: 1,
			customersReached: 2,
			dealsMoved: [{ dealId: deal, toStage: 'needs_confirmed' }],
			ticketsClosed: [ticket]
		});
		expect(await draftDay(owner, '2026-02-30', TEAM)).toBeNull();
	});

	it('are saved as drafts, then sent; a later edit keeps the first sending time', async () => {
		const owner = await me();
		const saved = await saveDailyReport(draft(owner), TEAM, false);
		expect(saved).toMatchObject({ sentAt: null, problems: '报价审批慢' });
		expect(saved.figures.visits).toBeGreaterThan(0);
		const sent = await saveDailyReport(draft(owner, { helpNeeded: ' 请支援技术 ' }), TEAM, true);
		expect(sent).toMatchObject({ id: saved.id, sentAt: NOW, helpNeeded: '请支援技术' });
		vi.setSystemTime(NOW + HOUR_MS);
		const again = await saveDailyReport(draft(owner, { tomorrowPlan: '改为电话回访' }), TEAM, true);
		expect(again.sentAt).toBe(NOW);
		expect((await getDailyReport(owner, DAY))?.tomorrowPlan).toBe('改为电话回访');
		expect((await latestReports(owner)).map((r) => r.date)).toEqual([DAY]);
		vi.setSystemTime(NOW);
	});

	it('refuses a text too long or a bad date', async () => {
		expect(
			await errorCodes(saveDailyReport(draft('dr-x', { problems: 'x'.repeat(5001) }), TEAM, true))
		).toEqual(['text_too_long']);
		expect(
			await errorCodes(saveDailyReport(draft('dr-x', { date: '2026-13-01' }), TEAM, false))
		).toEqual(['date_invalid']);
		expect(await db().dailyReports.where('memberId').equals('dr-x').count()).toBe(0);
	});

	it('lists the team’s day: who sent, who sent late, who has not sent by the deadline', async () => {
		const day = '2026-03-12';
		// Sent on the day at 17:00 Shanghai; another at 19:00; a third never.
		vi.setSystemTime(NOW - 24 * HOUR_MS);
		await saveDailyReport(draft('dd-on-time', { date: day }), TEAM, true);
		vi.setSystemTime(NOW - 22 * HOUR_MS);
		await saveDailyReport(draft('dd-late', { date: day }), TEAM, true);
		vi.setSystemTime(NOW);
		const members = ['dd-on-time', 'dd-late', 'dd-none'];
		const before = await teamDayReports(members, day, TEAM, NOW - 25 * HOUR_MS);
		expect(before?.rows.map((r) => r.state)).toEqual(['sent', 'sent_late', 'due']);
		expect(before?.missing).toEqual([]);
		const after = await teamDayReports(members, day, TEAM, NOW);
		expect(after?.missing).toEqual(['dd-none']);
		expect(after?.deadline).toBe(Date.UTC(2026, 2, 12, 10));

		const report = after!.rows[0]!.report!;
		await commentOnReport(report.id, ' 很好，继续 ');
		expect((await getDailyReport('dd-on-time', day))?.leadComment).toBe('很好，继续');
		expect(await errorCodes(commentOnReport(report.id, 'x'.repeat(5001)))).toEqual([
			'text_too_long'
		]);
	});
});
