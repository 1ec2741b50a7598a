import { TALLIED_TABLES, talliesOf, type Tally } from '$lib/domain/reports/tallies';
import type { RapportDB } from '$lib/db/schema';

/**
 * For tests: the tallies of the records stored, built from nothing, without the sums that come
 * to zero and in one order. It reads the tallies store by key only (its meta record), so inside a
 * transaction that sums its tallies it leaves the pending sums pending.
 */
export async function talliesOfRecords(d: RapportDB): Promise<Tally[]> {
	const meta = (await d.tallies.get(['meta'])) as { offsetMin: number } | undefined;
	const expected: Tally[] = [];
	for (const t of TALLIED_TABLES)
		expected.push(...talliesOf(t, await d.table(t).toArray(), meta?.offsetMin ?? 0));
	return live(expected);
}

/**
 * For tests: the tallies stored, as `talliesOfRecords` lists them, and the tallies of the records.
 * They are equal when every write kept the tallies current (db/tallies-middleware.ts). Work marks
 * and the funnel's tallies are not sums of these records and are left out.
 */
export async function talliesAgainstRecords(
	d: RapportDB
): Promise<{ stored: Tally[]; expected: Tally[] }> {
	const expected = await talliesOfRecords(d);
	const stored = (await d.tallies.toArray()).filter(
		(t): t is Tally => !NOT_SUMS.has(String(t.k[0]))
	);
	return { stored: live(stored), expected };
}

/** The meta record, work marks and the funnel's path and marker tallies. */
const NOT_SUMS = new Set(['meta', 'w', 'P', 'M']);

const keyOf = (t: Tally) => JSON.stringify(t.k);

function live(list: Tally[]): Tally[] {
	return list
		.filter((t) => t.n !== 0 || t.minor !== 0 || t.weighted !== 0)
		.map(({ k, n, minor, weighted }) => ({ k, n, minor, weighted }))
		.sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1));
}
