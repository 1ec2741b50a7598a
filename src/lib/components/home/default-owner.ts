/**
 * Whose day the home page opens on: this device's member when they own customers; otherwise (a
 * fresh install with the demo team's data) the member who owns the most, so the page is not empty.
 * `counts` is customers per owner (the customer store keeps it per version of the list).
 */
export function defaultOwner(meId: string, counts: ReadonlyMap<string, number>): string {
	if ((counts.get(meId) ?? 0) > 0) return meId;
	let best = meId;
	let most = 0;
	for (const [id, n] of counts) {
		if (n > most || (n === most && id < best)) [best, most] = [id, n];
	}
	return best;
}
