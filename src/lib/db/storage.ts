/**
 * Persistent storage: without it the browser may evict IndexedDB under disk pressure. Asked for
 * from the settings page (Chromium grants it to installed PWAs and engaged sites without a prompt).
 */
export interface StorageInfo {
	persisted: boolean;
	usage: number | null;
	quota: number | null;
}

export async function storageInfo(): Promise<StorageInfo> {
	const s = typeof navigator === 'undefined' ? undefined : navigator.storage;
	if (!s) return { persisted: false, usage: null, quota: null };
	const [persisted, estimate] = await Promise.all([
		s.persisted ? s.persisted() : Promise.resolve(false),
		s.estimate ? s.estimate() : Promise.resolve<StorageEstimate>({})
	]);
	return { persisted, usage: estimate.usage ?? null, quota: estimate.quota ?? null };
}

export async function requestPersistence(): Promise<boolean> {
	const s = typeof navigator === 'undefined' ? undefined : navigator.storage;
	if (!s?.persist) return false;
	return s.persist();
}
