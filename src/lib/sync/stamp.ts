/**
 * Who wrote a field, and when. `hlc` is an encoded hybrid logical clock (see hlc.ts) that already
 * contains the writing device's id, so two stamps never compare equal unless they are the same write.
 */
export interface Stamp {
	hlc: string;
	/** Member id of the person who made the write. */
	by: string;
}

/**
 * Per-field write stamps carried by every synced record.
 *
 * To keep 1,000,000 interactions small, a record written once carries a single `created` stamp;
 * only fields edited afterwards get an entry in `fields`. The stamp of field f is
 * `fields[f] ?? created`. `updated` is the greatest hlc of all of them and is indexed, so a
 * snapshot can take "everything changed since".
 */
export interface SyncMeta {
	created: Stamp;
	fields?: Record<string, Stamp>;
	updated: string;
}

/** A record that takes part in snapshots and per-field merging. */
export interface Synced {
	id: string;
	_meta: SyncMeta;
}
