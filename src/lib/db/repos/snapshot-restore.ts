import type { Member } from '$lib/domain/member/member';
import { OWNED_TABLES } from '$lib/sync/tables';
import { applyBackupSettings } from './backup-settings';
import { applySnapshotWith, type ApplyOptions, type ApplyResult } from './snapshot-apply';
import { appContext, type SnapshotContext } from './snapshot-context';

/**
 * Restore: a backup applied so that a new machine gives back the same app, as the same person.
 * The records merge like any import (tombstones included, so people erased since stay erased);
 * in the same transaction the backup's settings are written and its member becomes this
 * install's member again. The device id is never restored: this machine keeps its own, or two
 * devices would issue the same stamps. The blank member this install made on its first start is
 * removed if nothing refers to it. A file that is not a backup (an "everything" export, or a
 * backup from before backups carried these) restores its records only.
 */
export interface RestoreResult extends ApplyResult {
	/** The member this install is now; null when the file named none (not a backup). */
	member: Member | null;
	/** Settings the backup gave back. */
	settings: number;
}

/** The settings key session.ts reads for this install's member. */
const MEMBER_SETTING = 'memberId';

/** A member with no name, never edited, that owns nothing: what a first start makes. */
async function unusedBlank(ctx: SnapshotContext, id: string): Promise<boolean> {
	const d = ctx.db;
	const m = await d.members.get(id);
	if (!m || m.name !== '' || m._meta.fields) return false;
	for (const { table, field } of OWNED_TABLES)
		if ((await d.table(table).where(field).equals(id).limit(1).count()) > 0) return false;
	return true;
}

async function adopt(ctx: SnapshotContext, memberId: string): Promise<Member | null> {
	const d = ctx.db;
	const member = await d.members.get(memberId);
	if (!member) return null;
	const previous = ctx.session.member.id;
	if (previous === memberId) return member;
	await d.settings.put({ key: MEMBER_SETTING, value: memberId });
	if (await unusedBlank(ctx, previous)) await d.members.delete(previous);
	return member;
}

export async function restoreSnapshotWith(
	ctx: SnapshotContext,
	importId: string,
	opts: Omit<ApplyOptions, 'restore'> = {}
): Promise<RestoreResult> {
	let member: Member | null = null;
	let settings = 0;
	const result = await applySnapshotWith(ctx, importId, {
		...opts,
		restore: async (staged, detail) => {
			const { kind, memberId } = detail.scope;
			if (kind !== 'backup' || !memberId) return;
			settings = await applyBackupSettings(ctx, staged);
			member = await adopt(ctx, memberId);
		}
	});
	// Every later stamp of this session is by the restored member.
	if (member) ctx.session.member = member;
	return { ...result, member, settings };
}

export async function restoreSnapshot(
	importId: string,
	opts: Omit<ApplyOptions, 'restore'> = {}
): Promise<RestoreResult> {
	return restoreSnapshotWith(await appContext(), importId, opts);
}
