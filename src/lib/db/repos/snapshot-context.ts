import { db } from '../db';
import { getSession } from '../session';
import type { SnapshotContext } from './snapshot-basics';

export { APP_VERSION, PAGE_SIZE, type SnapshotContext } from './snapshot-basics';

export async function appContext(): Promise<SnapshotContext> {
	return { db: db(), session: await getSession() };
}
