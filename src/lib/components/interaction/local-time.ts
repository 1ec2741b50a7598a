const pad = (n: number) => String(n).padStart(2, '0');

/** Epoch ms → the value of an <input type="datetime-local"> in the browser's zone, 'YYYY-MM-DDTHH:mm'. */
export function toLocalInput(ms: number): string {
	const d = new Date(ms);
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The value of a datetime-local input → epoch ms, or null when blank or malformed. */
export function fromLocalInput(value: string): number | null {
	const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
	if (!m) return null;
	const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as number[];
	const date = new Date(y!, mo! - 1, d!, h!, mi!, s ?? 0);
	// new Date rolls 2024-02-30 over to March: refuse instead of guessing.
	if (date.getMonth() !== mo! - 1 || date.getDate() !== d || h! > 23 || mi! > 59) return null;
	return date.getTime();
}
