import { persistence, requestPersistence, type Persistence } from './storage';

/**
 * Whether the browser keeps this site's data for good, as the app-wide warning and Settings show
 * it. Persistence is asked for by the database layer itself on the first real write of a session
 * (a saved customer, an import: see first-write-middleware.ts), not behind a button a user may
 * never find. A start only reads the state, so a first visit that writes nothing asks nothing.
 */
class PersistenceStatus {
	state = $state<Persistence | null>(null);
	#asked = false;

	/** Reads the state (on start, and when Settings opens). */
	async refresh(): Promise<void> {
		try {
			this.state = await persistence();
		} catch {
			this.state = 'unsupported';
		}
	}

	/** Asks unless already granted; `once`: at most one automatic request per session. */
	async ask(once = false): Promise<void> {
		if (once && this.#asked) return;
		this.#asked = true;
		try {
			const now = await persistence();
			this.state = now === 'granted' || now === 'unsupported' ? now : await requestPersistence();
		} catch {
			// A browser that throws here keeps the data as before; Settings shows what it says.
			await this.refresh();
		}
	}
}

export const persistenceStatus = new PersistenceStatus();
