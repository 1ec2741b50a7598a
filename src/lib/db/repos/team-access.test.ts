import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { updateMyProfile } from '../session';
import { myTeamScope } from './team-access';
import { setMemberFact } from './team-facts';
import { addMember } from './team-roster';
import { me, newMember } from './test-fixtures';

describe('whose team this device’s member sees', () => {
	it('none for a manager without reports; theirs once someone reports to them; all for a lead', async () => {
		const mine = await me();
		const colleague = await addMember(newMember('同事'));
		expect([...(await myTeamScope()).members]).toEqual([]);

		const report = await addMember(newMember('下属', { reportsTo: mine }));
		const scope = await myTeamScope();
		expect(scope.lead).toBe(false);
		expect([...scope.members]).toEqual([report]);

		// A line dated after today is not in force yet.
		await setMemberFact({
			memberId: colleague,
			kind: 'reports_to',
			value: mine,
			from: '2999-01-01',
			note: ''
		});
		expect([...(await myTeamScope()).members]).toEqual([report]);

		await updateMyProfile({ name: '刘建华', role: 'ops_lead' });
		const lead = await myTeamScope();
		expect(lead.lead).toBe(true);
		expect([...lead.members].sort()).toEqual([colleague, report].sort());
	});
});
