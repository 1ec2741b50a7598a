import { describe, expect, it } from 'vitest';
import { openSnapshot } from './decode';
import type { SnapshotEntry } from './entry';
import { readEntry } from './restore';
import { customer, encodeAll, PERSONAL_FIELDS, record, stamp } from './test-util';

const s = stamp(1000, 'A');

/** One record of each kind, every personal field filled in. */
function everyKind(): SnapshotEntry[] {
	return [
		{
			t: 'members',
			r: record(
				'm1',
				{ name: '王经理', role: 'manager', email: 'wang@example.com', trashedAt: null },
				s
			)
		},
		{
			t: 'customers',
			r: customer('c1', {
				address: '北京市朝阳区某路1号',
				birthday: '1990-05-01',
				needs: '想要年度合同',
				notes: '张三的太太姓李'
			})
		},
		{ t: 'customers', r: customer('c2', { birthday: '', emails: ['not-an-email'] }) },
		{
			t: 'contacts',
			r: record(
				'k1',
				{
					customerId: 'c1',
					name: '李四',
					title: '采购',
					phones: ['+861062345678'],
					emails: ['lisi@example.com'],
					wechat: 'lisi_wx',
					isPrimary: true,
					notes: '只在上午接电话',
					trashedAt: null
				},
				s
			)
		},
		{
			t: 'interactions',
			r: record(
				'i1',
				{
					customerId: 'c1',
					type: 'call',
					at: 1,
					durationMinutes: null,
					summary: '和张三谈了续约',
					outcome: '张三同意',
					satisfaction: null,
					nextFollowUp: '2025-01-02',
					ownerId: 'm1',
					trashedAt: null
				},
				s
			)
		},
		{
			t: 'tickets',
			r: record(
				't1',
				{
					customerId: 'c1',
					kind: 'complaint',
					status: 'open',
					priority: 'high',
					title: '张三投诉',
					description: '电话 13800138000',
					department: '',
					handoverNote: '',
					resolution: '',
					openedAt: 1,
					deadlineAt: 2,
					closedAt: null,
					satisfaction: null,
					ownerId: 'm1',
					trashedAt: null
				},
				s
			)
		}
	];
}

describe('a file with every personal field masked', () => {
	it('reads back with no record refused, each masked value of its field’s kind', async () => {
		const bytes = await encodeAll(everyKind(), { mask: PERSONAL_FIELDS });
		const snap = await openSnapshot([bytes]);
		const read = [];
		for await (const e of snap.entries()) read.push(readEntry(e, snap.header));
		expect(read.filter((r) => r.kind === 'invalid')).toEqual([]);
		const byId = new Map(
			read.flatMap((r) => (r.kind === 'record' ? [[r.record.id, r.record]] : []))
		);
		expect(byId.get('c1')).toMatchObject({
			name: '张***',
			phones: ['*******8000'],
			birthday: '',
			address: '北***',
			_masked: expect.objectContaining({ birthday: s.hlc, name: s.hlc })
		});
		expect(byId.get('c2')).toMatchObject({ emails: [''] });
		expect(byId.get('k1')).toMatchObject({ phones: ['*******5678'], name: '李***' });
		expect(byId.get('i1')).toMatchObject({ summary: '和***', nextFollowUp: '2025-01-02' });
		// Nothing masked is left in the body.
		const body = JSON.stringify(read);
		for (const secret of ['13800138000', '1062345678', '1990-05-01', '张三', 'lisi@', 'wang@'])
			expect(body).not.toContain(secret);
	});
});
