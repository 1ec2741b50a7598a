import type { LogInteraction } from './log';

let next = 0;

/** An interaction of m1 with customer c1 in the log, unless told otherwise. */
export function logged(
	type: LogInteraction['type'],
	at: number,
	over: Partial<LogInteraction> = {}
): LogInteraction {
	return {
		id: `i${next++}`,
		customerId: 'c1',
		type,
		at,
		ownerId: 'm1',
		trashedAt: null,
		...over
	};
}
