import { db } from '../db';
import { guarded } from '../write';

/** A device-local setting (not synced): team conventions such as cadence, stages or deadlines. */
export async function readSetting<T>(key: string): Promise<T | undefined> {
	return (await db().settings.get(key))?.value as T | undefined;
}

export async function writeSetting(key: string, value: unknown): Promise<void> {
	await guarded(() => db().settings.put({ key, value }));
}
