import { guarded } from '../write';
import type { SnapshotContext } from './snapshot-context';

/**
 * The sender's watermark per exchange (sync/exchange.ts), in `settings` (local, never sent): the
 * last change number the last file written for it carried, when it was written, and for a scope
 * of one member's customers which customers were in it then. The next file of changes carries
 * what was numbered after the mark, and the records of the customers that entered the scope since.
 *
 * It moves only when a file was written (or its download confirmed by the person): building a
 * file that is never delivered must not make the next one skip what it held.
 */
export interface SentMark {
	upTo: number;
	/** When that file was written (its `exportedAt`). */
	at: number;
	/** For a scope of a member's customers: the ids in it as of `upTo`, sorted. */
	customers?: readonly string[];
}

const PREFIX = 'exchange.sent:';

function asMark(v: unknown): SentMark | undefined {
	if (typeof v !== 'object' || v === null) return undefined;
	const m = v as Partial<SentMark>;
	if (!Number.isSafeInteger(m.upTo) || typeof m.at !== 'number') return undefined;
	const customers = Array.isArray(m.customers)
		? m.customers.filter((c) => typeof c === 'string')
		: undefined;
	return { upTo: m.upTo as number, at: m.at, ...(customers ? { customers } : {}) };
}

/** The watermark of an exchange; undefined before its first file (the next one is full). */
export async function readSent(ctx: SnapshotContext, key: string): Promise<SentMark | undefined> {
	return asMark((await ctx.db.settings.get(PREFIX + key))?.value);
}

/**
 * Records that a file was written. Never moves a mark back: of two files written in either order
 * (two tabs), the later mark stands, and the earlier one only repeats what the later carries.
 */
export async function recordSent(ctx: SnapshotContext, key: string, mark: SentMark): Promise<void> {
	const d = ctx.db;
	await guarded(() =>
		d.transaction('rw', d.settings, async () => {
			const current = asMark((await d.settings.get(PREFIX + key))?.value);
			if (current && current.upTo > mark.upTo) return;
			await d.settings.put({ key: PREFIX + key, value: mark });
		})
	);
}

/** Every exchange this device has sent a file of, with its watermark. */
export async function listSent(ctx: SnapshotContext): Promise<Map<string, SentMark>> {
	const rows = await ctx.db.settings.where('key').startsWith(PREFIX).toArray();
	const out = new Map<string, SentMark>();
	for (const r of rows) {
		const m = asMark(r.value);
		if (m) out.set(r.key.slice(PREFIX.length), m);
	}
	return out;
}
