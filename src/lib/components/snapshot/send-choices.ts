import type { Exchange, Recipient } from '$lib/sync/exchange';

/**
 * What "Send my changes" offers: a recipient, then what of this device's data goes to them.
 * `theirs` and `goals` are the member's own (a lead sending each manager theirs), so only for a
 * member; the team and the lead get everything or my customers.
 */
export type SendWhat = 'all' | 'mine' | 'theirs' | 'goals';

export function choicesFor(to: Recipient): SendWhat[] {
	if (to.kind === 'member') return ['theirs', 'goals', 'mine', 'all'];
	return to.kind === 'team' ? ['all', 'mine'] : ['mine', 'all'];
}

export function exchangeOf(to: Recipient, what: SendWhat, me: string): Exchange {
	const them = to.kind === 'member' ? to.memberId : me;
	switch (what) {
		case 'all':
			return { recipient: to, scope: { kind: 'all' } };
		case 'mine':
			return { recipient: to, scope: { kind: 'mine', memberId: me } };
		case 'theirs':
			return { recipient: to, scope: { kind: 'mine', memberId: them } };
		case 'goals':
			return { recipient: to, scope: { kind: 'goals', memberId: them } };
	}
}
