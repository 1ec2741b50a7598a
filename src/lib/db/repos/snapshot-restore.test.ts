import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGES } from '$lib/domain/deal/stages';
import { openSnapshot } from '$lib/io/snapshot/decode';
import { encodeSnapshot } from '$lib/io/snapshot/encode';
import type { SnapshotEntry } from '$lib/io/snapshot/entry';
import { collectBytes } from './snapshot-export';
import { openSnapshotFile } from './snapshot-open';
import { previewSnapshotWith } from './snapshot-preview';
import { restoreSnapshotWith } from './snapshot-restore';
import { teammate, TEST_KDF, type Teammate } from './snapshot-teammates';

/**
 * A backup restored on another machine gives back the same app as the same person; an ordinary
 * import of the same file merges records only.
 */
let n = 0;

/** Settings a set-up install holds: team conventions, and this machine's own bookkeeping. */
const STAGES = {
	stages: [
		...DEFAULT_STAGES.slice(0, 2),
		{ key: 'custom_1', probability: 40, kind: 'open' },
		...DEFAULT_STAGES.slice(2)
	],
	labels: { custom_1: '现场拜访' }
};
const TEAM_SETTINGS = [
	{ key: 'dealStages', value: STAGES },
	{ key: 'followUpCadence', value: { A: 3, B: 10, C: 45 } },
	{ key: 'ticketResolutionHours', value: { urgent: 2, high: 12, normal: 48, low: 120 } },
	{
		key: 'importMapping:customer:h1-3-abc',
		value: { mapping: ['name', null, 'phone'], savedAt: 1 }
	}
];

/** An install as the app leaves it: device id and member id in its settings. */
async function install(name: string, memberName = ''): Promise<Teammate> {
	n++;
	const t = await teammate(`restore-${name}-${n}`, `dev${name}${n}`, memberName);
	await t.db.settings.bulkPut([
		{ key: 'deviceId', value: t.session.deviceId },
		{ key: 'memberId', value: t.session.member.id }
	]);
	return t;
}

async function setUp(): Promise<Teammate> {
	const a = await install('a', '王经理');
	await a.db.settings.bulkPut([
		...TEAM_SETTINGS,
		{ key: 'backup.folder', value: { name: 'D:/备份' } },
		{ key: 'backup.lastAt', value: 5 },
		{ key: 'demoLoaded', value: true }
	]);
	await a.addCustomer('c1');
	return a;
}

async function stage(t: Teammate, file: Uint8Array) {
	const reader = await openSnapshotFile([file], { testOnly: TEST_KDF });
	return previewSnapshotWith(t, reader, { fileName: 'backup.rapport', restore: true });
}

async function restore(t: Teammate, file: Uint8Array) {
	return restoreSnapshotWith(t, (await stage(t, file)).importId);
}

const settingsOf = async (t: Teammate) =>
	Object.fromEntries((await t.db.settings.toArray()).map((s) => [s.key, s.value]));

describe('a backup', () => {
	it('names whose it is and carries the team settings, not the device id or bookkeeping', async () => {
		const a = await setUp();
		const file = await a.exportFile({ kind: 'backup' });
		const snap = await openSnapshot([file]);
		expect(snap.header.scope).toEqual({ kind: 'backup', memberId: a.session.member.id });
		const settings: SnapshotEntry[] = [];
		for await (const e of snap.entries()) if (e.t === '_setting') settings.push(e);
		expect(settings.map((e) => e.r)).toEqual(TEAM_SETTINGS);
		// Written as version 2: a reader that predates backups says "update" instead of misreading.
		const first = JSON.parse(new TextDecoder().decode(file.subarray(0, file.indexOf(0x0a))));
		expect(first.formatVersion).toBe(2);
		// Other exports stay version 1 and carry no settings.
		const all = await a.exportFile({ kind: 'all' });
		const firstAll = JSON.parse(new TextDecoder().decode(all.subarray(0, all.indexOf(0x0a))));
		expect(firstAll.formatVersion).toBe(1);
		expect(firstAll.counts._setting).toBeUndefined();
	});
});

describe('Restore', () => {
	it('gives back the same member and settings; the device keeps its id; the blank member goes', async () => {
		const a = await setUp();
		const file = await a.exportFile({ kind: 'backup' });
		const b = await install('b');
		const blank = b.session.member.id;
		const r = await restore(b, file);
		expect(r.member?.id).toBe(a.session.member.id);
		expect(r.settings).toBe(TEAM_SETTINGS.length);
		expect(b.session.member.name).toBe('王经理');
		const s = await settingsOf(b);
		expect(s.memberId).toBe(a.session.member.id);
		expect(s.deviceId).toBe(b.session.deviceId);
		for (const { key, value } of TEAM_SETTINGS) expect(s[key]).toEqual(value);
		expect(s['backup.folder']).toBeUndefined();
		expect(s['backup.lastAt']).toBeUndefined();
		expect(s.demoLoaded).toBeUndefined();
		expect(await b.db.members.get(blank)).toBeUndefined();
		expect(await b.db.customers.get('c1')).toBeDefined();
	});

	it('an ordinary import of the same backup merges records only', async () => {
		const a = await setUp();
		const file = await a.exportFile({ kind: 'backup' });
		const c = await install('c');
		const before = await settingsOf(c);
		const p = await c.importFile(file);
		expect(p.settings).toBe(0);
		expect(await settingsOf(c)).toEqual(before);
		expect(await c.db.members.get(c.session.member.id)).toBeDefined();
		expect(await c.db.members.get(a.session.member.id)).toBeDefined();
		expect(await c.db.customers.get('c1')).toBeDefined();
		// Restore afterwards still gives back who and how, though the records are in already.
		const r = await restore(c, file);
		expect(r).toMatchObject({ created: 0, updated: 0 });
		expect(r.member?.id).toBe(a.session.member.id);
		expect((await settingsOf(c)).dealStages).toEqual(STAGES);
	});

	it('keeps this install’s member when it was named or owns records', async () => {
		const a = await setUp();
		const file = await a.exportFile({ kind: 'backup' });
		const owner = await install('d');
		await owner.addCustomer('mine');
		await restore(owner, file);
		expect(await owner.db.members.get(`member-${owner.session.deviceId}`)).toBeDefined();
		const named = await install('e', 'Someone');
		await restore(named, file);
		expect(await named.db.members.get(`member-${named.session.deviceId}`)).toBeDefined();
	});

	it('people erased since an older backup stay erased, in either order', async () => {
		const a = await setUp();
		await a.addCustomer('gone');
		await a.addInteraction('i1', 'gone', 1_700_000_000_000);
		const older = await a.exportFile({ kind: 'backup' });
		await a.erase('gone');
		const newer = await a.exportFile({ kind: 'backup' });

		const b = await install('f');
		await restore(b, newer);
		await restore(b, older);
		expect(await b.db.customers.get('gone')).toBeUndefined();
		expect(await b.db.interactions.get('i1')).toBeUndefined();
		expect(await b.db.customers.get('c1')).toBeDefined();

		const c = await install('g');
		await restore(c, older);
		expect(await c.db.customers.get('gone')).toBeDefined();
		await restore(c, newer);
		expect(await c.db.customers.get('gone')).toBeUndefined();
		expect(await c.db.tombstones.get(['customers', 'gone'])).toBeDefined();
	});

	it('a file that is not a backup restores records only', async () => {
		const a = await setUp();
		const b = await install('h');
		const r = await restore(b, await a.exportFile({ kind: 'all' }));
		expect(r.member).toBeNull();
		expect(r.settings).toBe(0);
		expect((await settingsOf(b)).memberId).toBe(b.session.member.id);
		expect(await b.db.customers.get('c1')).toBeDefined();
	});

	it('takes only the settings a backup may give, with values the app can use', async () => {
		const a = await setUp();
		const lines: SnapshotEntry[] = [
			{ t: 'members', r: a.session.member },
			{ t: '_setting', r: { key: 'deviceId', value: 'stolen' } },
			{ t: '_setting', r: { key: 'memberId', value: 'someone-else' } },
			{ t: '_setting', r: { key: 'backup.folder', value: {} } },
			{ t: '_setting', r: { key: 'snapshotAside:x', value: { records: {} } } },
			{ t: '_setting', r: { key: 'dealStages', value: { stages: [], labels: {} } } },
			{ t: '_setting', r: { key: 'followUpCadence', value: { A: 'x', B: 1, C: 1 } } },
			{ t: '_setting', r: { key: 'ticketResolutionHours', value: { urgent: -1 } } },
			{ t: '_setting', r: { key: 'importMapping:customer:x', value: { mapping: 'name' } } },
			{
				t: '_setting',
				r: { key: 'importMapping:customer:y', value: { mapping: ['name'], savedAt: 2 } }
			}
		];
		const file = await collectBytes(
			encodeSnapshot(lines, {
				appVersion: 'crafted',
				exportedBy: { memberId: a.session.member.id, memberName: '', deviceId: 'x' },
				exportedAt: 1,
				scope: { kind: 'backup', memberId: a.session.member.id }
			})
		);
		const b = await install('i');
		const before = await settingsOf(b);
		const r = await restore(b, file);
		expect(r.settings).toBe(1);
		expect(await settingsOf(b)).toEqual({
			...before,
			memberId: a.session.member.id,
			'importMapping:customer:y': { mapping: ['name'], savedAt: 2 }
		});
	});

	it('a backup whose member did not come through leaves the identity as it was', async () => {
		const a = await setUp();
		const file = await collectBytes(
			encodeSnapshot([{ t: '_setting', r: TEAM_SETTINGS[1] }], {
				appVersion: 'crafted',
				exportedBy: { memberId: 'nobody', memberName: '', deviceId: 'x' },
				exportedAt: 1,
				scope: { kind: 'backup', memberId: 'nobody' }
			})
		);
		const b = await install('j');
		const r = await restore(b, file);
		expect(r.member).toBeNull();
		expect((await settingsOf(b)).memberId).toBe(b.session.member.id);
		expect(a.session.member.id).not.toBe('nobody');
	});
});
