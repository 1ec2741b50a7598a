import { concatBytes } from '$lib/io/snapshot/bytes';
import { encodeSnapshot, type EncodeOptions } from '$lib/io/snapshot/encode';
import type { SnapshotScope } from '$lib/io/snapshot/header';
import { PERSONAL_FIELDS, type PersonalData } from '$lib/sync/tables';
import { APP_VERSION, type SnapshotContext } from './snapshot-basics';
import { scopeEntries, type ExportScope, type ReadWatch } from './snapshot-source';

/**
 * Export: a scope read from IndexedDB in pages, fed to the streaming encoder. The result is a
 * stream of byte chunks (header first), so a caller can write it to a file handle as it comes.
 * The app runs it in a worker (snapshot-export-app.ts); tests and the exchange call it here.
 */
export interface ExportOptions {
	/** Encrypts the file (AES-256-GCM, PBKDF2 600,000 iterations). */
	passphrase?: string;
	/** `table.field` to mask, e.g. 'customers.phones' (see MASKABLE_FIELDS). */
	mask?: readonly string[];
	/** Tests only: see TestOnlyOptions in io/snapshot/header.ts. */
	testOnly?: EncodeOptions['testOnly'];
	now?: number;
	/** Follows the read (a progress bar) and may stop it (its Cancel). */
	watch?: ReadWatch;
}

/**
 * The mask options of the export form, each the `table.field` entries it masks: every personal
 * field of the registry of synced tables ($lib/sync/tables), by the kind of data it holds. Free
 * text is masked whole because people write about people in it ("called 张三 on 138…").
 * No record has an ID-number field yet; the pure masker (io/snapshot/mask.ts) already knows them.
 */
export const MASKABLE_FIELDS = PERSONAL_FIELDS;

export type MaskOption = PersonalData;

export function headerScope(ctx: SnapshotContext, scope: ExportScope): SnapshotScope {
	switch (scope.kind) {
		case 'all':
			return { kind: 'all' };
		case 'backup':
			// Whose backup it is: Restore makes this member "me" again.
			return { kind: 'backup', memberId: ctx.session.member.id };
		case 'mine':
			return { kind: 'mine', memberId: scope.memberId ?? ctx.session.member.id };
		case 'selection':
			return scope.label ? { kind: 'selection', label: scope.label } : { kind: 'selection' };
		case 'goals':
			return {
				kind: 'goals',
				...(scope.memberId !== undefined ? { memberId: scope.memberId } : {}),
				...(scope.label ? { label: scope.label } : {})
			};
	}
}

export function exportSnapshotWith(
	ctx: SnapshotContext,
	scope: ExportScope,
	opts: ExportOptions = {}
): AsyncGenerator<Uint8Array> {
	const { member, deviceId } = ctx.session;
	return encodeSnapshot(scopeEntries(ctx, scope, undefined, opts.watch), {
		appVersion: APP_VERSION,
		exportedBy: { memberId: member.id, memberName: member.name, deviceId },
		exportedAt: opts.now ?? Date.now(),
		scope: headerScope(ctx, scope),
		...(opts.mask && opts.mask.length > 0 ? { mask: opts.mask } : {}),
		...(opts.passphrase !== undefined ? { passphrase: opts.passphrase } : {}),
		...(opts.testOnly ? { testOnly: opts.testOnly } : {})
	});
}

/** The whole file in memory (for a download or a test): the compressed bytes, never JSON text. */
export async function collectBytes(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
	const parts: Uint8Array[] = [];
	for await (const c of chunks) parts.push(c);
	return concatBytes(parts);
}

/** `rapport-王经理-2025-06-01.rapport`: characters a file system refuses become '_'. */
export function snapshotFileName(memberName: string, at: Date = new Date()): string {
	const who =
		memberName
			.trim()
			.replace(/[\\/:*?"<>|\s]+/g, '_')
			.slice(0, 40) || 'member';
	const pad = (n: number) => String(n).padStart(2, '0');
	const date = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
	return `rapport-${who}-${date}.rapport`;
}
