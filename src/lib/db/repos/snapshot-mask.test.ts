import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { kindOf, maskPlan, plannedFields } from '$lib/io/snapshot/mask';
import { PERSONAL_FIELDS } from '$lib/io/snapshot/test-util';
import { createRecord } from '$lib/sync/edit';
import type { SyncRecord } from '$lib/sync/merge';
import { applySnapshotWith } from './snapshot-apply';
import { MASKABLE_FIELDS } from './snapshot-export';
import { teammate } from './snapshot-teammates';

describe('masked export between two databases', () => {
	it('offers every personal field; every option on, the file imports with nothing refused', async () => {
		const offered: string[] = Object.values(MASKABLE_FIELDS).flat();
		expect(offered).toEqual(expect.arrayContaining([...PERSONAL_FIELDS]));
		// Each offered field exists and has a kind a mask keeps: none is silently left out.
		expect(plannedFields(offered, maskPlan(offered))).toEqual(offered);
		const unknown = offered.filter((tf) => {
			const [table = '', field = ''] = tf.split('.');
			return kindOf(table, field) === undefined;
		});
		expect(unknown).toEqual([]);

		const a = await teammate('mask-a', 'devmaska', '王经理');
		const b = await teammate('mask-b', 'devmaskb', '李主管');
		await a.addCustomer('c1', {
			name: '张三',
			phones: ['+8613800138000'],
			emails: ['zhangsan@example.com'],
			wechat: 'zs_wx',
			address: '北京市朝阳区某路1号',
			birthday: '1990-05-01',
			needs: '年度合同',
			notes: '只在上午接电话'
		});
		await a.db.contacts.put(
			createRecord<SyncRecord & Record<string, unknown>>(
				'k1',
				{
					customerId: 'c1',
					name: '李四',
					title: '',
					phones: ['+8613900139000'],
					emails: [],
					wechat: '',
					isPrimary: true,
					notes: '',
					trashedAt: null
				},
				a.stamp()
			) as never
		);
		await a.addInteraction('i1', 'c1', 1_700_000_000_000);

		const p = await b.preview(await a.exportFile({ kind: 'all' }, { mask: offered }));
		expect(p.invalid).toBe(0);
		expect(p.stats.customers).toMatchObject({ new: 1 });
		await applySnapshotWith(b, p.importId);
		expect(await b.db.customers.get('c1')).toMatchObject({
			name: '张***',
			phones: ['*******8000'],
			birthday: '',
			address: '北***'
		});
		expect(await b.db.contacts.get('k1')).toMatchObject({ name: '李***' });
	});
});
