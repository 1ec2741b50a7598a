import { describe, expect, it } from 'vitest';
import type { Synced } from '../../sync/stamp';
import { authorsOfChange, screenLeadRecord } from './screen';

type Rec = Synced & Record<string, unknown>;

const stamp = (hlc: string, by: string) => ({ hlc, by });
const plan: Rec = {
	id: 'plan-1',
	baseMinor: 600_000,
	currency: 'CNY',
	_meta: { created: stamp('001', 'lead'), updated: '001' }
};

describe('screenLeadRecord', () => {
	it('accepts the lead’s own edits', () => {
		const edited = { ...plan, baseMinor: 700_000 };
		expect(screenLeadRecord(plan, edited, 'ops_lead')).toEqual({ verdict: 'accept' });
	});
	it('sets aside a manager’s edit of the lead’s record', () => {
		const edited = { ...plan, baseMinor: 9_999_999 };
		expect(screenLeadRecord(plan, edited, 'manager')).toEqual({
			verdict: 'set_aside',
			reason: 'manager_edit'
		});
	});
	it('sets aside a lead’s kind of record that a manager created', () => {
		expect(screenLeadRecord(null, plan, 'manager')).toEqual({
			verdict: 'set_aside',
			reason: 'manager_created'
		});
	});
	it('accepts the lead’s record coming back unchanged, whatever the stamps or key order', () => {
		const back: Rec = {
			currency: 'CNY',
			baseMinor: 600_000,
			id: 'plan-1',
			_meta: { created: stamp('002', 'm1'), updated: '002' }
		};
		expect(screenLeadRecord(plan, back, 'manager')).toEqual({ verdict: 'accept' });
	});
	it('accepts a version that brings nothing newer', () => {
		expect(screenLeadRecord(plan, { ...plan, baseMinor: 1 }, null)).toEqual({ verdict: 'accept' });
	});
	it('takes no one’s different version of a closed statement, the lead’s included', () => {
		const frozen: Rec = { ...plan, id: 'payout:m1:2025-03-01', totalMinor: 5, closedAt: 100 };
		const changed = { ...frozen, totalMinor: 6 };
		expect(screenLeadRecord(frozen, changed, 'ops_lead')).toEqual({
			verdict: 'set_aside',
			reason: 'frozen'
		});
		expect(screenLeadRecord(frozen, { ...frozen }, 'ops_lead')).toEqual({ verdict: 'accept' });
		// Closing an open statement is an ordinary lead edit.
		const open = { ...frozen, closedAt: null };
		expect(screenLeadRecord(open, frozen, 'ops_lead')).toEqual({ verdict: 'accept' });
	});
});

describe('authorsOfChange', () => {
	it('names who wrote the fields newer than the stored ones', () => {
		const incoming: Rec = {
			...plan,
			baseMinor: 1,
			currency: 'USD',
			_meta: {
				created: stamp('001', 'lead'),
				fields: { baseMinor: stamp('005', 'm1'), currency: stamp('003', 'lead2') },
				updated: '005'
			}
		};
		expect(authorsOfChange(plan, incoming)).toEqual(['lead2', 'm1']);
	});
	it('names nobody for an older or equal copy, and every author of a record not stored', () => {
		expect(authorsOfChange(plan, plan)).toEqual([]);
		const newer: Rec = { ...plan, _meta: { created: stamp('009', 'lead'), updated: '009' } };
		expect(authorsOfChange(newer, plan)).toEqual([]);
		expect(authorsOfChange(null, plan)).toEqual(['lead']);
	});
});
