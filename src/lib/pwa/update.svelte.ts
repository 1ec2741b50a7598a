import { dev } from '$app/environment';
import { busy } from './busy.svelte';

/**
 * Service-worker registration and the "new version" flow. A new worker installs in the
 * background and waits (it never calls skipWaiting by itself); the user chooses when to switch,
 * and never while busy.active, because the switch reloads the page.
 */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

class PwaUpdate {
	/** A new worker is installed and waiting for SKIP_WAITING. */
	#waiting = $state.raw<ServiceWorker | null>(null);
	/** Another tab already switched to a new worker: this page runs old code. */
	#stale = $state(false);
	#reloading = false;
	#registration: ServiceWorkerRegistration | null = null;
	#lastCheck = 0;

	/** A new version can be applied (or this tab must reload to use one already applied). */
	get available(): boolean {
		return this.#waiting !== null || this.#stale;
	}

	/** The banner offers Reload only when nothing would be lost. */
	get canApply(): boolean {
		return this.available && !busy.active;
	}

	/** Registers /service-worker.js (a module in dev, where Vite serves it unbundled). */
	async register(): Promise<void> {
		if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
		const container = navigator.serviceWorker;
		const hadController = container.controller !== null;
		container.addEventListener('controllerchange', () => {
			if (this.#reloading) location.reload();
			else if (hadController) this.#stale = true;
		});
		try {
			const reg = await container.register('/service-worker.js', {
				type: dev ? 'module' : 'classic'
			});
			this.#registration = reg;
			this.#watch(reg);
			document.addEventListener('visibilitychange', () => {
				if (document.visibilityState === 'visible') void this.check();
			});
		} catch (e) {
			// No worker (private mode, file://): the app still works online.
			console.warn('Service worker registration failed', e);
		}
	}

	/** Asks the browser to look for a new service-worker script (at most hourly unless forced). */
	async check(force = false): Promise<void> {
		const reg = this.#registration;
		if (!reg || (!force && Date.now() - this.#lastCheck < UPDATE_CHECK_MS)) return;
		this.#lastCheck = Date.now();
		try {
			await reg.update();
		} catch {
			// offline: try again later
		}
	}

	/** Switches to the waiting worker and reloads; refused while busy. */
	apply(): boolean {
		if (!this.canApply) return false;
		this.#reloading = true;
		if (this.#waiting) this.#waiting.postMessage({ type: 'SKIP_WAITING' });
		else location.reload(); // stale tab: the new worker already controls us
		return true;
	}

	#watch(reg: ServiceWorkerRegistration): void {
		// A worker already waiting from an earlier visit, while an older one controls the page.
		if (reg.waiting && navigator.serviceWorker.controller) this.#waiting = reg.waiting;
		reg.addEventListener('updatefound', () => {
			const sw = reg.installing;
			sw?.addEventListener('statechange', () => {
				// Without a controller this is the first install: nothing to replace.
				if (sw.state === 'installed' && navigator.serviceWorker.controller) this.#waiting = sw;
			});
		});
	}
}

export const pwaUpdate = new PwaUpdate();
