/** Customers per owner id (an empty id counts too: customers nobody owns). */
export function countByOwner(rows: Iterable<{ ownerId: string }>): Map<string, number> {
	const counts = new Map<string, number>();
	for (const r of rows) counts.set(r.ownerId, (counts.get(r.ownerId) ?? 0) + 1);
	return counts;
}
