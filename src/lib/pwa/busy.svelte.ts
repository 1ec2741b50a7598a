/**
 * Whether the user is in the middle of something a reload would lose (an edited form, an
 * import). The service-worker update never reloads the page while busy.active.
 *
 *   const release = busy.begin('edit');   // when a field first changes
 *   release();                            // on save, cancel or component destroy
 */
export type BusyReason = 'edit' | 'import';

class Busy {
	#holds = $state(0);

	/** True while at least one begin() has not been released. */
	get active(): boolean {
		return this.#holds > 0;
	}

	/** Marks the app busy; returns release(), which is safe to call more than once. */
	begin(_reason: BusyReason): () => void {
		this.#holds++;
		let released = false;
		return () => {
			if (released) return;
			released = true;
			this.#holds--;
		};
	}
}

export const busy = new Busy();
