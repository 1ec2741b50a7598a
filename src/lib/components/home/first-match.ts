/**
 * The customer picker selects the best match of what was typed, so typing a name is enough. The
 * customers may still be loading when the typing happens (a long list, a slow device): the pick
 * then waits for the first match to arrive instead of being lost.
 */
export interface FirstMatchStep {
	/** The id to select, when the selection should change. */
	pick?: string;
	/** Something was typed that nothing matched yet: pick when a match arrives. */
	waiting: boolean;
}

/** After typing: pick the first match, or wait for one when nothing matches yet. */
export function afterTyping(
	query: string,
	firstId: string | undefined,
	value: string
): FirstMatchStep {
	if (!query.trim()) return { waiting: false };
	if (firstId === undefined) return { waiting: true };
	return firstId === value ? { waiting: false } : { pick: firstId, waiting: false };
}

/**
 * After the matches change without typing (more customers loaded): pick only when a pick was
 * waiting, so a choice made in the list is never replaced behind the user's back.
 */
export function afterLoading(
	waiting: boolean,
	query: string,
	firstId: string | undefined,
	value: string
): FirstMatchStep {
	return waiting ? afterTyping(query, firstId, value) : { waiting: false };
}
