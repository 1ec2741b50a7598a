import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { ImportSession } from './import-session.svelte';

// The mapping module is loaded on demand when a preview needs its suggestion: holding it back
// keeps the suggestion on its way, as on a slow device or a busy machine.
const slow = vi.hoisted(() => {
	let open = (): void => undefined;
	const opened = new Promise<void>((resolve) => (open = resolve));
	return { opened, open };
});
vi.mock('$lib/io/csv/mapping', async (original) => {
	await slow.opened;
	return original();
});

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('ImportSession preview', () => {
	it('a column mapped as soon as the columns are shown is not overwritten by the suggestion', async () => {
		const session = new ImportSession([], 'me');
		const file = new File(['Spalte A,Spalte B\nMax,VIP\n'], 'x.csv', { type: 'text/csv' });
		const choosing = session.choose(file);
		// The person: maps the first column (which no rule recognises) the moment it is shown.
		const person = (async () => {
			while (!session.preview?.ok) await pause(2);
			session.mapping[0] = 'notes';
		})();
		await pause(100);
		slow.open();
		await choosing;
		await person;
		await pause(20);
		expect(session.mapping[0]).toBe('notes');
	});
});
