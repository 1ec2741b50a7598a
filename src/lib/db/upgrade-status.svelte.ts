/**
 * A schema upgrade in progress, for the screen that shows it (UpgradeScreen). Dexie runs every
 * version's upgrade inside IndexedDB's versionchange transaction when the app first opens the
 * database, and no page can read anything until it ends; one that rewrites every record (v9) runs
 * for a while on a large database. Its upgrade function reports how far it got; the screen
 * appears only once the upgrade has run for SHOW_AFTER_MS, so a quick one never flashes.
 */
export const SHOW_AFTER_MS = 1000;

export interface UpgradeProgress {
	done: number;
	total: number;
	/** When the first report came, and the last one (ms, on the `now` clock). */
	startedAt: number;
	at: number;
}

export class UpgradeStatus {
	progress = $state<UpgradeProgress | null>(null);
	/** The upgrade has run for SHOW_AFTER_MS and is not over. */
	shown = $state(false);
	#timer: ReturnType<typeof setTimeout> | undefined;

	constructor(readonly now: () => number = () => performance.now()) {}

	report(done: number, total: number): void {
		const at = this.now();
		if (!this.progress) {
			this.progress = { done, total, startedAt: at, at };
			this.#timer = setTimeout(() => (this.shown = this.progress !== null), SHOW_AFTER_MS);
			return;
		}
		this.progress = { ...this.progress, done, total, at };
	}

	/** The database is open (or failed to open): nothing more to show. */
	finish(): void {
		clearTimeout(this.#timer);
		this.#timer = undefined;
		this.progress = null;
		this.shown = false;
	}
}

export const upgradeStatus = new UpgradeStatus();
