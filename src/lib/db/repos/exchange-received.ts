import type { SnapshotChanges, SnapshotHeader } from '$lib/io/snapshot/header';
import type { SeenPoint } from '$lib/sync/merge';
import {
	missingOf,
	seenPoint,
	withoutImport,
	type MissingRun,
	type ReceivedFile
} from '$lib/sync/received-files';
import { db } from '../db';
import type { RapportDB } from '../schema';
import type { SnapshotContext } from './snapshot-context';

/**
 * What this device holds of each sender's changes, in `settings` (local, never sent): per sender
 * device, who it is and the files of changes applied here (sync/received-files.ts). Written by
 * the apply and by Undo of an import, in their transactions, so the list always agrees with what
 * is stored: undoing an import reopens its run.
 */
export interface ReceivedFrom {
	deviceId: string;
	memberId: string;
	memberName: string;
	files: ReceivedFile[];
}

/** A sender with runs of its changes missing here. */
export interface MissingFrom {
	deviceId: string;
	memberId: string;
	memberName: string;
	missing: MissingRun[];
}

const PREFIX = 'exchange.received:';

function asReceived(deviceId: string, v: unknown): ReceivedFrom | undefined {
	if (typeof v !== 'object' || v === null) return undefined;
	const r = v as Partial<ReceivedFrom>;
	if (!Array.isArray(r.files)) return undefined;
	return {
		deviceId,
		memberId: typeof r.memberId === 'string' ? r.memberId : '',
		memberName: typeof r.memberName === 'string' ? r.memberName : '',
		files: r.files
	};
}

export async function readReceived(
	d: RapportDB,
	deviceId: string
): Promise<ReceivedFrom | undefined> {
	return asReceived(deviceId, (await d.settings.get(PREFIX + deviceId))?.value);
}

async function write(d: RapportDB, r: ReceivedFrom): Promise<void> {
	const { deviceId: _id, ...value } = r;
	await d.settings.put({ key: PREFIX + r.deviceId, value });
}

/**
 * The point up to which every write of the file's sender in its exchange has arrived here, for
 * the merge (sync/merge.ts, `seen`); undefined for a file that says no range, or from this device.
 */
export async function seenFrom(
	ctx: SnapshotContext,
	header: Pick<SnapshotHeader, 'exportedBy' | 'changes'>
): Promise<SeenPoint | undefined> {
	const device = header.exportedBy.deviceId;
	if (!header.changes || device === ctx.session.deviceId) return undefined;
	const files = (await readReceived(ctx.db, device))?.files ?? [];
	const hlc = seenPoint(files, header.changes.key);
	return hlc ? { device, hlc } : undefined;
}

/** The entry a file of changes leaves here once applied. */
export function receivedFile(
	importId: string,
	changes: SnapshotChanges,
	exportedAt: number,
	seen: string
): ReceivedFile {
	return {
		importId,
		key: changes.key,
		after: changes.after,
		upTo: changes.upTo,
		full: changes.full,
		at: exportedAt,
		...(changes.afterAt !== undefined ? { afterAt: changes.afterAt } : {}),
		seen
	};
}

/** Inside the apply's transaction: the file's run is held from now on. */
export async function noteReceived(
	d: RapportDB,
	from: SnapshotHeader['exportedBy'],
	file: ReceivedFile
): Promise<void> {
	const stored = await readReceived(d, from.deviceId);
	await write(d, {
		deviceId: from.deviceId,
		memberId: from.memberId,
		memberName: from.memberName,
		files: [...(stored?.files ?? []), file]
	});
}

/** Inside Undo's transaction: the import's run is missing again. */
export async function forgetReceived(
	d: RapportDB,
	deviceId: string,
	importId: string
): Promise<void> {
	const stored = await readReceived(d, deviceId);
	if (!stored || !stored.files.some((f) => f.importId === importId)) return;
	await write(d, { ...stored, files: withoutImport(stored.files, importId) });
}

/** The runs missing after adding `file` to what is held of its sender (for the preview). */
export async function missingWith(
	ctx: SnapshotContext,
	deviceId: string,
	file: ReceivedFile
): Promise<MissingRun[]> {
	const files = (await readReceived(ctx.db, deviceId))?.files ?? [];
	return missingOf([...files, file]);
}

/**
 * Every sender with changes missing here, named as the members table names them now (the name
 * the files gave, for a member this device does not hold), by name.
 */
export async function listMissingIn(d: RapportDB): Promise<MissingFrom[]> {
	const rows = await d.settings.where('key').startsWith(PREFIX).toArray();
	const out: MissingFrom[] = [];
	for (const row of rows) {
		const r = asReceived(row.key.slice(PREFIX.length), row.value);
		if (!r) continue;
		const missing = missingOf(r.files);
		if (missing.length === 0) continue;
		const name = (await d.members.get(r.memberId))?.name || r.memberName;
		out.push({ deviceId: r.deviceId, memberId: r.memberId, memberName: name, missing });
	}
	return out.sort((a, b) => a.memberName.localeCompare(b.memberName));
}

/** The app's database: what is missing here, per sender (a live query can read it). */
export function listMissing(): Promise<MissingFrom[]> {
	return listMissingIn(db());
}
