import { noteData } from './data-marker';
import { firstWriteMiddleware } from './first-write-middleware';
import { persistenceStatus } from './persistence.svelte';
import { openDatabase, type RapportDB } from './schema';
import { dbStatus } from './status.svelte';
import { upgradeStatus } from './upgrade-status.svelte';

/**
 * The app's one database connection, opened lazily (never during server-side work or tests that
 * do not touch it).
 */
let instance: RapportDB | null = null;

export function db(): RapportDB {
	if (instance) return instance;
	// A long schema upgrade says how far it got, for the screen that shows it.
	const d = openDatabase(undefined, undefined, {
		onUpgrade: (done, total) => upgradeStatus.report(done, total)
	});
	// The first real write of a session asks the browser to keep the data for good, and notes
	// outside the database that this browser holds data (see data-marker.ts).
	d.use(
		firstWriteMiddleware(() => {
			noteData();
			void persistenceStatus.ask(true);
		})
	);
	// Another tab opened a newer schema: close so its upgrade is not blocked, and tell the user to
	// reload instead of writing old-shaped records with this tab's old code.
	d.on('versionchange', () => {
		d.close();
		dbStatus.state = 'upgrade_required';
		return false;
	});
	// This tab wants to upgrade but an old tab still holds the database open.
	d.on('blocked', () => {
		dbStatus.state = 'blocked';
	});
	instance = d;
	// Opened now rather than by the first query, so that the upgrade screen goes away when the
	// database is open, or failed to open (the query that needed it reports why).
	const opened = () => upgradeStatus.finish();
	void d.open().then(opened, opened);
	return d;
}
