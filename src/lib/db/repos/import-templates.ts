import { db } from '../db';
import { guarded } from '../write';
import { MAPPING_PREFIX } from './import-mapping-key';

/**
 * Saved column mappings (templates), one per import target and header row: the next file with
 * the same columns (same `headerSignature`) is offered the mapping the person chose last time.
 * Kept in the settings table: device-local preferences, not synced records.
 */
export interface MappingTemplate {
	mapping: (string | null)[];
	savedAt: number;
}

export { MAPPING_PREFIX } from './import-mapping-key';

const keyOf = (target: string, signature: string): string =>
	`${MAPPING_PREFIX}${target}:${signature}`;

export async function saveMappingTemplate(
	target: string,
	signature: string,
	mapping: readonly (string | null)[]
): Promise<void> {
	const value: MappingTemplate = { mapping: [...mapping], savedAt: Date.now() };
	await guarded(() => db().settings.put({ key: keyOf(target, signature), value }));
}

export async function findMappingTemplate(
	target: string,
	signature: string
): Promise<MappingTemplate | null> {
	const v = (await db().settings.get(keyOf(target, signature)))?.value as
		MappingTemplate | undefined;
	return v && Array.isArray(v.mapping) ? v : null;
}
