import { describe, expect, it } from 'vitest';
import { reportsOn, seesPrivateOf, seesTeam, teamScope } from './access';
import type { ReportingEntry } from './hierarchy';

const line = (memberId: string, value: string | null, from: string): ReportingEntry => ({
	id: `${memberId}:${from}`,
	memberId,
	value,
	from
});

// 王磊 and 李娜 report to 陈晓东 (a 销售主管), who reports to the lead; Emma joins 陈晓东 in June.
const LINES = [
	line('wang', 'chen', '2025-01-01'),
	line('li', 'chen', '2025-01-01'),
	line('chen', 'lead', '2025-01-01'),
	line('emma', 'lead', '2025-01-01'),
	line('emma', 'chen', '2025-06-01')
];
const ALL = ['wang', 'li', 'chen', 'emma', 'lead', 'me'];

describe('team access', () => {
	it('gives a lead the whole team but themselves', () => {
		const s = teamScope({ id: 'me', role: 'ops_lead' }, ALL, LINES, '2025-03-01');
		expect(s.lead).toBe(true);
		expect([...s.members].sort()).toEqual(['chen', 'emma', 'lead', 'li', 'wang']);
		expect(seesTeam(s)).toBe(true);
		// A lead with nobody yet still sees the (empty) team section.
		expect(seesTeam(teamScope({ id: 'me', role: 'ops_lead' }, ['me'], [], '2025-03-01'))).toBe(
			true
		);
	});

	it('gives a supervisor the people under them on the day', () => {
		const march = teamScope({ id: 'chen', role: 'manager' }, ALL, LINES, '2025-03-01');
		expect(march.lead).toBe(false);
		expect([...march.members].sort()).toEqual(['li', 'wang']);
		const june = teamScope({ id: 'chen', role: 'manager' }, ALL, LINES, '2025-06-01');
		expect([...june.members].sort()).toEqual(['emma', 'li', 'wang']);
		// Through their managers: the lead's reports include their reports' reports.
		expect(reportsOn(LINES, 'lead', '2025-03-01').sort()).toEqual(['chen', 'emma', 'li', 'wang']);
	});

	it('gives a manager with nobody under them no team, and never a colleague', () => {
		const s = teamScope({ id: 'wang', role: 'manager' }, ALL, LINES, '2025-03-01');
		expect([...s.members]).toEqual([]);
		expect(seesTeam(s)).toBe(false);
	});

	it('ends at a loop rather than running for ever', () => {
		const loop = [line('a', 'b', '2025-01-01'), line('b', 'a', '2025-01-01')];
		expect(reportsOn(loop, 'a', '2025-02-01')).toEqual(['b']);
	});

	it('shows a member’s private records to them, to whoever they report to, and to the lead', () => {
		const chen = teamScope({ id: 'chen', role: 'manager' }, ALL, LINES, '2025-03-01');
		expect(seesPrivateOf(chen, 'chen', 'chen')).toBe(true);
		expect(seesPrivateOf(chen, 'chen', 'wang')).toBe(true);
		expect(seesPrivateOf(chen, 'chen', 'emma')).toBe(false);
		expect(seesPrivateOf(chen, 'chen', 'lead')).toBe(false);
		const wang = teamScope({ id: 'wang', role: 'manager' }, ALL, LINES, '2025-03-01');
		expect(seesPrivateOf(wang, 'wang', 'li')).toBe(false);
		// A record naming nobody, or a member no longer on the roster: the lead's to see.
		expect(seesPrivateOf(wang, 'wang', '')).toBe(false);
		const lead = teamScope({ id: 'me', role: 'ops_lead' }, ALL, LINES, '2025-03-01');
		expect(seesPrivateOf(lead, 'me', 'gone-member')).toBe(true);
		expect(seesPrivateOf(lead, 'me', '')).toBe(true);
	});
});
