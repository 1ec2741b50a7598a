const pad = (n: number) => String(n).padStart(2, '0');

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** A datetime-local input's value `msAgo` milliseconds before now, in the browser's zone. */
export function localInput(msAgo: number): string {
	const d = new Date(Date.now() - msAgo);
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
