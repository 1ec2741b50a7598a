/**
 * Whose day the home page opens on: this device's member when they own customers; otherwise (a
 * fresh install with the demo team's data) the member who owns the most, so the page is not empty.
 */
export function defaultOwner(meId: string, ownerIds: Iterable<string>): string {
	const counts = new Map<string, number>();
	for (const id of ownerIds) {
		if (id === meId) return meId;
		counts.set(id, (counts.get(id) ?? 0) + 1);
	}
	let best = meId;
	let most = 0;
	for (const [id, n] of counts) {
		if (n > most || (n === most && id < best)) [best, most] = [id, n];
	}
	return best;
}
