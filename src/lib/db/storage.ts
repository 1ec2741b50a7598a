import { readLocal, writeLocal } from './local-store';

/**
 * Persistent storage: without it the browser may evict IndexedDB under disk pressure. It is
 * asked for on the first real write of a session (persistence.svelte.ts), and again from
 * Settings. Chromium answers without a prompt (it grants installed PWAs and engaged sites);
 * Firefox asks the user. A refusal is remembered outside IndexedDB, so that every start can warn
 * while it lasts, even after the database itself was evicted.
 */
export interface StorageInfo {
	persisted: boolean;
	usage: number | null;
	quota: number | null;
}

/** granted; refused when asked; not asked yet; or a browser without the Storage API. */
export type Persistence = 'granted' | 'refused' | 'not_asked' | 'unsupported';

const REFUSED = 'rapport.storageRefused';

const manager = (): Partial<StorageManager> | undefined =>
	typeof navigator === 'undefined' ? undefined : navigator.storage;

export async function storageInfo(): Promise<StorageInfo> {
	const s = manager();
	if (!s) return { persisted: false, usage: null, quota: null };
	const [persisted, estimate] = await Promise.all([
		s.persisted ? s.persisted() : Promise.resolve(false),
		s.estimate ? s.estimate() : Promise.resolve<StorageEstimate>({})
	]);
	return { persisted, usage: estimate.usage ?? null, quota: estimate.quota ?? null };
}

/** The state now, without asking. */
export async function persistence(): Promise<Persistence> {
	const s = manager();
	if (!s?.persist || !s.persisted) return 'unsupported';
	if (await s.persisted()) {
		// Granted since (the app was installed, or the user allowed it): stop warning.
		writeLocal(REFUSED, null);
		return 'granted';
	}
	return readLocal(REFUSED) ? 'refused' : 'not_asked';
}

/** Asks the browser, and remembers a refusal. */
export async function requestPersistence(): Promise<Persistence> {
	const s = manager();
	if (!s?.persist) return 'unsupported';
	const granted = await s.persist();
	writeLocal(REFUSED, granted ? null : '1');
	return granted ? 'granted' : 'refused';
}
