import type { AuditEntry } from '../schema';
import { db } from '../db';

/**
 * The local audit log (snapshot imports and their undo, erasures): newest first. Entries are
 * written by the repositories that do the work, in the same transaction.
 */
export async function listAudit(limit = 200): Promise<AuditEntry[]> {
	return db().audit.orderBy('at').reverse().limit(limit).toArray();
}
