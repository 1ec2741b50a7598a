import { db } from '../db';

/**
 * The Web Lock an import (or a snapshot preview) holds while it stages batches: a tab that starts
 * meanwhile must not clear what a running import in another tab is writing.
 */
export const importLockName = (importId: string): string => `rapport-import:${importId}`;

async function heldImportLocks(): Promise<Set<string>> {
	if (typeof navigator === 'undefined' || !navigator.locks) return new Set();
	const { held = [] } = await navigator.locks.query();
	return new Set(held.map((l) => l.name ?? ''));
}

/**
 * On start: what an interrupted import staged (a closed tab, a crash) is removed, as if it never
 * began. Imports running in another tab hold their lock and are left alone.
 */
export async function clearUnfinishedImports(): Promise<number> {
	const held = await heldImportLocks();
	const d = db();
	return d.transaction('rw', [d.imports, d.importBatches], async () => {
		const pending = (await d.imports.where('state').equals('pending').primaryKeys()).filter(
			(id) => !held.has(importLockName(id))
		);
		for (const id of pending) await d.importBatches.where('importId').equals(id).delete();
		await d.imports.bulkDelete(pending);
		// Batches written after their import was cancelled have no pending import any more.
		const live = new Set(await d.imports.toCollection().primaryKeys());
		await d.importBatches.filter((b) => b.kind === 'stage' && !live.has(b.importId)).delete();
		return pending.length;
	});
}
