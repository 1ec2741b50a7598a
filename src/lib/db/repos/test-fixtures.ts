import { afterAll, beforeAll, expect, vi } from 'vitest';
import { emptyCustomerDraft } from '$lib/domain/customer/empty';
import type { InteractionDraft } from '$lib/domain/interaction/interaction';
import { getSession } from '../session';
import { createCustomer, ValidationFailed } from './customers';
import { levelDraft } from '$lib/domain/growth/ladder-level';
import { addLevel } from './team-levels';
import type { NewMember } from './team-roster';
import type { DealDraft } from './deals';

/** What the repository tests of tasks, deals, tickets, feedback, goals and Home share. */

export const TZ = -new Date().getTimezoneOffset();
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** The session's member: the owner of what a test creates without naming one. */
export async function me(): Promise<string> {
	return (await getSession()).member.id;
}

/** Creates a customer owned by the session's member; returns its id. */
export async function customer(name: string, patch = {}): Promise<string> {
	return createCustomer({ ...emptyCustomerDraft(await me()), name, ...patch });
}

/** A call with this customer, by this owner, at this time. */
export function contact(
	customerId: string,
	ownerId: string,
	at: number,
	extra = {}
): InteractionDraft {
	return {
		customerId,
		type: 'call',
		at,
		durationMinutes: null,
		summary: 'Called',
		outcome: '',
		satisfaction: null,
		nextFollowUp: null,
		ownerId,
		...extra
	};
}

/** The field-error codes a refused write was refused with (fails if it was not refused). */
export async function errorCodes(p: Promise<unknown>): Promise<string[]> {
	const e = await p.then(
		() => null,
		(err: unknown) => err
	);
	expect(e).toBeInstanceOf(ValidationFailed);
	return (e as ValidationFailed).errors.map((x) => x.code);
}

/** A member to add to the roster: a name, a start date, no level, manager or status but active. */
export function newMember(name: string, over: Partial<NewMember> = {}): NewMember {
	return {
		name,
		email: '',
		phone: '',
		region: '',
		startDate: '2024-01-01',
		level: null,
		reportsTo: null,
		status: 'active',
		from: '',
		...over
	};
}
/** A deal as its form sends it: this customer's and owner's, ¥1.00, no close date yet. */
export function dealDraft(customerId: string, ownerId: string, title: string): DealDraft {
	return {
		customerId,
		title,
		amount: { minor: 100, currency: 'CNY' },
		expectedClose: '',
		probability: 10,
		products: [],
		competitor: '',
		nextStep: '',
		ownerId
	};
}

/**
 * Date.now() fixed at `at` for the tests of a file (only Date: fake-indexeddb's own timers run).
 * A test may move it with vi.setSystemTime.
 */
export function fixedClock(at: number): void {
	beforeAll(() => {
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(at);
	});
	afterAll(() => vi.useRealTimers());
}

/** A level of the team's ladder with no promotion criteria; returns its id. */
export function plainLevel(name: string): Promise<string> {
	return addLevel(levelDraft(name));
}
