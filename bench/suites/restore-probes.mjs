// In-page probes for the restore suite, run with page.evaluate (each declares all it uses).

/**
 * Times the Restore page (src/lib/components/snapshot/RestoreBackup.svelte) in the page, with no
 * round trip to the test runner: the file's `change` event, the moment the preview offers
 * Restore (clicked at once, as if read in no time), and the moment the status says restored.
 * `labels`: the Restore button's text and the start of the "restored" status, in the page's
 * language.
 */
export const instrumentRestore = ({ button, restored }) => {
	const s = { t: {}, error: null, status: '' };
	window.__benchRestore = s;
	document.addEventListener(
		'change',
		(e) => {
			if (e.target instanceof HTMLInputElement && e.target.type === 'file')
				s.t.chosen ??= performance.now();
		},
		true
	);
	const look = () => {
		const main = document.querySelector('main');
		if (!main) return;
		const go = [...main.querySelectorAll('button')].find(
			(b) => b.textContent.trim() === button && !b.disabled
		);
		if (go && s.t.ready === undefined) {
			s.t.ready = performance.now();
			go.click();
		}
		const status = main.querySelector('[data-testid=restore-status]')?.textContent?.trim() ?? '';
		if (s.t.done === undefined && status.startsWith(restored)) {
			s.t.done = performance.now();
			s.status = status;
		}
		const alert = main.querySelector('[role=alert]');
		if (alert && s.error === null) s.error = alert.textContent.trim();
	};
	new MutationObserver(look).observe(document.body, {
		subtree: true,
		childList: true,
		characterData: true,
		attributes: true
	});
};

/** What instrumentRestore saw, in milliseconds from the file chosen. */
export const restoreReport = () => {
	const { t, error, status } = window.__benchRestore;
	const at = (x) => (x === undefined || t.chosen === undefined ? undefined : x - t.chosen);
	return { previewMs: at(t.ready), totalMs: at(t.done), error, status };
};

/** Records per store of the app's database (every store, not only the synced ones). */
export const storeCounts = async () => {
	const db = await new Promise((resolve, reject) => {
		const req = indexedDB.open('rapport');
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
	const out = {};
	for (const s of db.objectStoreNames)
		out[s] = await new Promise((resolve, reject) => {
			const req = db.transaction(s).objectStore(s).count();
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});
	db.close();
	return out;
};
