import type { ReadWatch } from '$lib/db/repos/snapshots';

/**
 * One long task the user watches and may stop: how many records it went through, of how many
 * when known, since when; and the signal its Cancel raises. A new run starts from nothing.
 */
export class RunProgress {
	done = $state(0);
	total = $state<number | null>(null);
	startedAt = $state(0);
	at = $state(0);
	running = $state(false);
	/** Stopped by its Cancel (not failed on its own). */
	cancelled = $state(false);
	#controller = new AbortController();

	/** Starts a run of `total` records (null: not known beforehand). */
	start(total: number | null, now = Date.now()): ReadWatch {
		this.#controller = new AbortController();
		this.done = 0;
		this.total = total;
		this.startedAt = now;
		this.at = now;
		this.running = true;
		this.cancelled = false;
		return {
			signal: this.#controller.signal,
			onRead: (read) => {
				this.done = read;
				this.at = Date.now();
			}
		};
	}

	cancel(): void {
		this.cancelled = true;
		this.#controller.abort(new DOMException('cancelled by the user', 'AbortError'));
	}

	finish(): void {
		this.running = false;
	}
}
