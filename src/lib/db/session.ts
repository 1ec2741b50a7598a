import { blankMember, type Member, type MemberRole } from '$lib/domain/member/member';
import { createRecord, editRecord } from '$lib/sync/edit';
import { farAheadFloor, HybridClock } from '$lib/sync/hlc';
import type { Stamp } from '$lib/sync/stamp';
import { SYNCED_TABLES } from '$lib/sync/tables';
import { repairFarAhead, type ClockRepair } from './clock-repair';
import { db } from './db';
import { newId } from './ids';
import { localClockMark, TabsClock, type DeviceClock } from './tab-clock';

/**
 * Who and where this install is: a device id (made once), the member profile of the person
 * using it, and the device's hybrid logical clock (one for all its tabs, see tab-clock.ts). Every
 * write is stamped through `nextStamp`.
 */
export interface Session {
	deviceId: string;
	member: Member;
	clock: DeviceClock;
	/** Stamps found more than a day ahead on this start and re-stamped (see clock-repair.ts). */
	repaired?: ClockRepair;
}

let current: Promise<Session> | null = null;

export function getSession(): Promise<Session> {
	current ??= start().catch((e: unknown) => {
		current = null;
		throw e;
	});
	return current;
}

/** A fresh stamp for a write by this device's member. */
export async function nextStamp(): Promise<Stamp> {
	const s = await getSession();
	return { hlc: s.clock.tick(), by: s.member.id };
}

async function start(): Promise<Session> {
	const d = db();
	return d.transaction(
		'rw',
		[d.settings, d.members, d.tombstones, ...SYNCED_TABLES.map((t) => d.table(t))],
		async () => {
			let deviceId = (await d.settings.get('deviceId'))?.value as string | undefined;
			if (!deviceId) {
				// Short and without ':' (the hlc separator); random so two installs never share one.
				deviceId = newId().replace(/-/g, '').slice(0, 16);
				await d.settings.put({ key: 'deviceId', value: deviceId });
			}
			const now = Date.now();
			const clock = new TabsClock(new HybridClock(deviceId, Date.now), localClockMark());
			// Resume after the greatest stamp stored, so a clock set back never issues older stamps;
			// stamps more than a day ahead are not adopted but re-stamped below.
			const floor = farAheadFloor(now);
			for (const t of SYNCED_TABLES) {
				const last = await d.table(t).where('_meta.updated').below(floor).lastKey();
				if (typeof last === 'string') clock.observe(last);
			}
			const repaired = await repairFarAhead(d, now, () => clock.tick());
			const memberId = (await d.settings.get('memberId'))?.value as string | undefined;
			let member = memberId ? await d.members.get(memberId) : undefined;
			if (!member) {
				const id = newId();
				member = createRecord<Member>(id, blankMember('', 'manager'), {
					hlc: clock.tick(),
					by: id
				});
				await d.members.put(member);
				await d.settings.put({ key: 'memberId', value: id });
			}
			return repaired ? { deviceId, member, clock, repaired } : { deviceId, member, clock };
		}
	);
}

export async function updateMyProfile(p: { name: string; role: MemberRole }): Promise<void> {
	const s = await getSession();
	const d = db();
	await d.transaction('rw', d.members, async () => {
		const stored = (await d.members.get(s.member.id)) ?? s.member;
		const { next } = editRecord(stored, p, { hlc: s.clock.tick(), by: s.member.id });
		await d.members.put(next);
		s.member = next;
	});
}

/**
 * A synchronous stamp source for long transactions (an import commit): IndexedDB commits a
 * transaction as soon as it waits on anything but its own requests, so stamps must not be awaited
 * inside one.
 */
export async function stamper(): Promise<() => Stamp> {
	const s = await getSession();
	return () => ({ hlc: s.clock.tick(), by: s.member.id });
}
