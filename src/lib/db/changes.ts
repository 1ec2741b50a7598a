/**
 * Tells the in-memory customer list which customers changed, in this tab and in the others
 * (BroadcastChannel), so it can re-read just those instead of the whole table.
 */
type Listener = (ids: string[] | 'all') => void;

const listeners = new Set<Listener>();
const channel: BroadcastChannel | null =
	typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('rapport-customers');

channel?.addEventListener('message', (e: MessageEvent<string[] | 'all'>) => {
	for (const l of listeners) l(e.data);
});

export function customersChanged(ids: string[] | 'all'): void {
	if (ids !== 'all' && ids.length === 0) return;
	for (const l of listeners) l(ids);
	channel?.postMessage(ids);
}

export function onCustomersChanged(l: Listener): () => void {
	listeners.add(l);
	return () => listeners.delete(l);
}
