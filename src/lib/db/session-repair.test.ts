import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { emptyCustomerDraft } from '$lib/domain/customer/empty';
import { decodeHlc, encodeHlc } from '$lib/sync/hlc';
import type { Stamp } from '$lib/sync/stamp';
import { openDatabase } from './schema';
import { clockRepairNotice, dismissClockRepairNotice } from './clock-repair';
import { changeNumberOf } from './repos/local-changes';
import { getSession } from './session';

/**
 * A database poisoned by an older version (a clock adopted from a file dated 2100, or pushed past
 * the 15-digit format): on start the far-ahead stamps are re-stamped and the clock comes back.
 */
const DAY = 24 * 60 * 60 * 1000;
const FAR = Date.UTC(2100, 0, 1);
const now = Date.now();
const at = (wall: number, device: string, by: string, counter = 0): Stamp => ({
	hlc: encodeHlc({ wall, counter, device }),
	by
});
/** What the old clock wrote after adopting "999999999999999:zzzz:x": a wall of 16 digits. */
const OVERFLOW: Stamp = { hlc: '1000000000000000:0000:dev1', by: 'me' };

function customer(id: string, created: Stamp, fields: Record<string, Stamp> = {}) {
	const all = [created.hlc, ...Object.values(fields).map((s) => s.hlc)].sort();
	return {
		...emptyCustomerDraft('me'),
		id,
		name: `客户 ${id}`,
		city: '北京',
		createdAt: now,
		lastContactAt: null,
		trashedAt: null,
		searchKeys: '',
		_meta: { created, updated: all[all.length - 1]!, fields }
	};
}

describe('repair of far-ahead stamps on start', () => {
	it('re-stamps stored fields more than a day ahead and brings the clock back', async () => {
		const seed = openDatabase();
		const fine = customer('fine', at(now - 5000, 'dev1', 'me'), {
			city: at(now - 4000, 'dev1', 'me')
		});
		await seed.settings.bulkPut([
			{ key: 'deviceId', value: 'dev1' },
			{ key: 'memberId', value: 'me' }
		]);
		await seed.members.put({
			id: 'me',
			name: '我',
			role: 'manager',
			email: '',
			phone: '',
			region: '',
			startDate: '',
			trashedAt: null,
			_meta: {
				created: at(now - 9000, 'dev1', 'me'),
				updated: encodeHlc({ wall: now - 9000, counter: 0, device: 'dev1' })
			}
		});
		await seed.customers.bulkPut([
			customer('far', at(FAR, 'devx', 'teammate-x'), {
				city: at(FAR + 1000, 'devy', 'teammate-y'),
				name: at(now - 3000, 'dev1', 'me')
			}),
			customer('overflow', at(now - 2000, 'dev1', 'me'), { city: OVERFLOW }),
			fine
		] as never);
		const fineStored = await seed.customers.get('fine');
		await seed.tombstones.put({
			table: 'customers',
			id: 'gone',
			hlc: at(FAR, 'devx', 'x').hlc,
			by: 'x'
		});
		seed.close();

		const session = await getSession();
		const d = openDatabase();
		const limit = Date.now() + DAY;
		const far = await d.customers.get('far');
		const overflow = await d.customers.get('overflow');
		// Values kept; every stamp back within a day of now, each with its author.
		expect(far?.city).toBe('北京');
		expect(far?.name).toBe('客户 far');
		for (const s of [far!._meta.created, far!._meta.fields!.city!, overflow!._meta.fields!.city!])
			expect(decodeHlc(s.hlc)?.wall).toBeLessThanOrEqual(limit);
		expect(far?._meta.created.by).toBe('teammate-x');
		expect(far?._meta.fields?.city?.by).toBe('teammate-y');
		expect(far?._meta.fields?.name).toEqual(at(now - 3000, 'dev1', 'me'));
		expect(overflow?._meta.fields?.city?.by).toBe('me');
		expect(decodeHlc(far!._meta.updated)?.wall).toBeLessThanOrEqual(limit);
		// A record that was never ahead is left as it was (its change number too: not rewritten).
		expect(fineStored).toEqual({ ...fine, _chg: expect.any(Number) });
		expect(await d.customers.get('fine')).toEqual(fineStored);
		// What was re-stamped was rewritten: it is a change to pass on, with a later number.
		expect(changeNumberOf(far!)).toBeGreaterThan(changeNumberOf(fineStored!));
		// The clock is back near now.
		expect(decodeHlc(session.clock.tick())?.wall).toBeLessThanOrEqual(limit);
		const tomb = await d.tombstones.get(['customers', 'gone']);
		expect(tomb?.by).toBe('x');
		expect(decodeHlc(tomb!.hlc)?.wall).toBeLessThanOrEqual(limit);

		// The user is told until they dismiss it: two records and a tombstone, up to 2100.
		expect(session.repaired).toMatchObject({ records: 3 });
		expect(session.repaired!.aheadMs).toBeGreaterThan(FAR - limit);
		expect(await clockRepairNotice()).toEqual(session.repaired);
		await dismissClockRepairNotice();
		expect(await clockRepairNotice()).toBeNull();
		d.close();
	});
});
