import { describe, expect, it } from 'vitest';
import {
	acknowledgePlan,
	acknowledgeStatement,
	acknowledgementId,
	disputeLine,
	MAX_DISPUTE_COMMENT,
	orphanDisputes
} from './disputes';
import { MARCH, statementOf } from './test-helpers';

const s = statementOf({ period: MARCH });

describe('disputeLine', () => {
	it('records a dispute of an existing line with its comment', () => {
		expect(disputeLine(s, 'commission:1', '  The May order was mine ', 'm1', 50, 'd1')).toEqual({
			ok: true,
			value: {
				id: 'd1',
				statementId: 'payout:m1:2025-03-01',
				lineKey: 'commission:1',
				memberId: 'm1',
				comment: 'The May order was mine',
				at: 50
			}
		});
	});
	it('refuses a line the statement does not have', () => {
		expect(disputeLine(s, 'commission:7', 'why?', 'm1', 50, 'd1')).toEqual({
			ok: false,
			code: 'line_not_found'
		});
	});
	it('refuses a dispute without a comment, an overlong one, or of someone else’s statement', () => {
		expect(disputeLine(s, 'base', ' ', 'm1', 1, 'd')).toEqual({
			ok: false,
			code: 'comment_required'
		});
		expect(disputeLine(s, 'base', 'x'.repeat(MAX_DISPUTE_COMMENT + 1), 'm1', 1, 'd')).toEqual({
			ok: false,
			code: 'comment_too_long'
		});
		expect(disputeLine(s, 'base', 'mine?', 'm2', 1, 'd')).toEqual({
			ok: false,
			code: 'not_own_statement'
		});
	});
});

describe('acknowledgeStatement', () => {
	it('acknowledges one’s own statement under an id derived from statement and member', () => {
		expect(acknowledgeStatement(s, 'm1', 9)).toEqual({
			ok: true,
			value: { id: acknowledgementId(s.id, 'm1'), statementId: s.id, memberId: 'm1', at: 9 }
		});
		expect(acknowledgementId(s.id, 'm1')).toBe('ack:payout:m1:2025-03-01:m1');
	});
	it('refuses someone else’s statement', () => {
		expect(acknowledgeStatement(s, 'm2', 9)).toEqual({ ok: false, code: 'not_own_statement' });
	});
});

describe('orphanDisputes', () => {
	it('lists the disputes of this statement that point at no line', () => {
		const d = (id: string, lineKey: string, statementId = s.id) => ({
			id,
			statementId,
			lineKey,
			memberId: 'm1',
			comment: 'c',
			at: 1
		});
		const list = [d('a', 'base'), d('b', 'commission:9'), d('c', 'nothing', 'payout:m2:x')];
		expect(orphanDisputes(s, list).map((x) => x.id)).toEqual(['b']);
	});
});

describe('acknowledgePlan', () => {
	it('acknowledges the plan of one’s own level, once per plan and member', () => {
		expect(acknowledgePlan({ id: 'plan-1', levelId: 'am' }, 'am', 'm1', 4)).toEqual({
			ok: true,
			value: { id: 'ack:plan-1:m1', planId: 'plan-1', memberId: 'm1', at: 4 }
		});
	});
	it('refuses the plan of another level, or without a level', () => {
		expect(acknowledgePlan({ id: 'plan-1', levelId: 'am' }, 'senior', 'm1', 4)).toEqual({
			ok: false,
			code: 'not_own_plan'
		});
		expect(acknowledgePlan({ id: 'plan-1', levelId: 'am' }, null, 'm1', 4)).toEqual({
			ok: false,
			code: 'not_own_plan'
		});
	});
});
