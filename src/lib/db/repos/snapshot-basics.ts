import type { RapportDB } from '../schema';
import type { Session } from '../session';

/**
 * The database and the session (device, member, clock) a snapshot export or import runs
 * against. The app uses its own connection and session (appContext, snapshot-context.ts); tests
 * pass two databases to play two teammates, and the export worker its own connection. Kept apart
 * from appContext so that the worker does not load the app's connection.
 */
export interface SnapshotContext {
	db: RapportDB;
	session: Session;
}

/** Written into every header (`appVersion`); kept in step with package.json by hand. */
export const APP_VERSION = '0.1.0';

/** Records read or written per IndexedDB request: small enough to keep the main thread free. */
export const PAGE_SIZE = 1_000;
