import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { levelDraft } from '$lib/domain/growth/ladder-level';
import { memberHistory, rosterOn } from '$lib/domain/team/member-fact';
import { db } from '../db';
import { removeMemberFact, setMemberFact } from './team-facts';
import { addLevels } from './team-levels';
import { addMember, readTeam, removeMember, updateMember } from './team-roster';
import { customer, errorCodes, me, newMember } from './test-fixtures';

describe('the roster', async () => {
	const [am, senior] = await addLevels([levelDraft('客户经理'), levelDraft('高级客户经理')]);

	it('adds a member with their profile and first level, line and status from their start', async () => {
		const lead = await me();
		const id = await addMember(
			newMember(' 李娜 ', {
				phone: '138 1234 5678',
				email: 'li.na@Example.com',
				region: '华东',
				level: am!,
				reportsTo: lead
			})
		);
		const team = await readTeam();
		const li = team.members.find((m) => m.id === id);
		expect(li).toMatchObject({
			name: '李娜',
			phone: '+8613812345678',
			email: 'li.na@example.com',
			region: '华东',
			startDate: '2024-01-01',
			role: 'manager'
		});
		expect(rosterOn([id], team.facts, '2024-06-01').get(id)).toEqual({
			level: am,
			reportsTo: lead,
			status: 'active'
		});
		expect(rosterOn([id], team.facts, '2023-12-31').get(id)?.level).toBeNull();
		// The stamps name who wrote them: this device's member.
		expect(team.facts.every((f) => f._meta.created.by === lead)).toBe(true);
	});

	it('refuses a bad profile or an unknown level or manager, writing nothing', async () => {
		const before = [await db().members.count(), await db().memberFacts.count()];
		expect(
			await errorCodes(
				addMember(newMember('', { phone: '12', email: 'x@', startDate: '2024-13-01' }))
			)
		).toEqual(['name_required', 'phone_too_short', 'email_invalid', 'start_date_invalid']);
		expect(await errorCodes(addMember(newMember('王磊', { level: 'nowhere' })))).toEqual([
			'level_unknown'
		]);
		expect(await errorCodes(addMember(newMember('王磊', { reportsTo: 'stranger' })))).toEqual([
			'manager_unknown'
		]);
		expect([await db().members.count(), await db().memberFacts.count()]).toEqual(before);
	});

	it('dates a change of level: the periods before it keep the level they had', async () => {
		const id = await addMember(newMember('王磊', { level: am! }));
		await setMemberFact({
			memberId: id,
			kind: 'level',
			value: senior!,
			from: '2025-05-01',
			note: '业绩达标'
		});
		const { facts } = await readTeam();
		expect(rosterOn([id], facts, '2025-04-30').get(id)?.level).toBe(am);
		expect(rosterOn([id], facts, '2025-05-01').get(id)?.level).toBe(senior);
		expect(memberHistory(facts, id).map((e) => [e.fact.kind, e.fact.value, e.previous])).toEqual([
			['level', senior, am],
			['status', 'active', undefined],
			['reports_to', null, undefined],
			['level', am, undefined]
		]);
		// The same change again is no change.
		expect(
			await errorCodes(
				setMemberFact({ memberId: id, kind: 'level', value: senior!, from: '2025-06-01', note: '' })
			)
		).toEqual(['fact_unchanged']);
	});

	it('refuses a reporting loop, and a removal that would let an older line close one', async () => {
		const a = await addMember(newMember('甲'));
		const b = await addMember(newMember('乙', { reportsTo: a }));
		expect(
			await errorCodes(
				setMemberFact({ memberId: a, kind: 'reports_to', value: b, from: '2025-01-01', note: '' })
			)
		).toEqual(['reporting_cycle']);
		// b moves away from a in March; from April a may report to b.
		await setMemberFact({
			memberId: b,
			kind: 'reports_to',
			value: null,
			from: '2025-03-01',
			note: ''
		});
		await setMemberFact({
			memberId: a,
			kind: 'reports_to',
			value: b,
			from: '2025-04-01',
			note: ''
		});
		const { facts } = await readTeam();
		const move = facts.find((f) => f.memberId === b && f.from === '2025-03-01')!;
		expect(await errorCodes(removeMemberFact(move.id))).toEqual(['reporting_cycle']);
		expect((await db().memberFacts.get(move.id))?.trashedAt).toBeNull();
	});

	it('edits a profile, stamping only what changed', async () => {
		const id = await addMember(newMember('陈晓东'));
		await updateMember(id, {
			name: '陈晓东',
			email: '',
			phone: '',
			region: '华南',
			startDate: '2024-01-01'
		});
		const m = await db().members.get(id);
		expect(m?.region).toBe('华南');
		expect(Object.keys(m?._meta.fields ?? {})).toEqual(['region']);
		expect(await errorCodes(updateMember(id, { ...m!, name: ' ' }))).toEqual(['name_required']);
	});

	it('takes off the roster only a member who owns nothing, never oneself', async () => {
		const id = await addMember(newMember('Emma'));
		await customer('Emma 的客户', { ownerId: id });
		expect(await errorCodes(removeMember(id))).toEqual(['member_owns_records']);
		expect(await errorCodes(removeMember(await me()))).toEqual(['member_is_me']);
		const free = await addMember(newMember('Bo'));
		await removeMember(free);
		expect((await readTeam()).members.map((m) => m.id)).not.toContain(free);
	});
});
