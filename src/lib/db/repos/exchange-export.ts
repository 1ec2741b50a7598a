import { encodeSnapshot } from '$lib/io/snapshot/encode';
import type { SnapshotChanges } from '$lib/io/snapshot/header';
import { exchangeKey, type Exchange, type ExchangeScope } from '$lib/sync/exchange';
import { readSent, recordSent, type SentMark } from './exchange-sent';
import { changesSince, fullUpTo, takeCut } from './exchange-source';
import { appContext, APP_VERSION, type SnapshotContext } from './snapshot-context';
import { carriedTo, watched } from './snapshot-source';
import { headerScope, type ExportOptions } from './snapshot-export';

/**
 * "Send my changes": a file for one exchange (a recipient and a scope, sync/exchange.ts) of what
 * changed since the last file written for it, or a full file for one that never had one (a new
 * teammate) or when asked. The header says which run of this device's changes it carries.
 *
 * Building the file moves nothing: the caller calls `written()` once the file is written (or the
 * person confirmed the download), and only then does the exchange's watermark move, so a file
 * that never left the device is not skipped by the next one.
 */
export interface ExchangeFile {
	key: string;
	changes: SnapshotChanges;
	/** The file's bytes, header first. */
	chunks: AsyncGenerator<Uint8Array>;
	/** Moves the exchange's watermark to this file's cut. */
	written(): Promise<void>;
}

export interface ExchangeExportOptions extends ExportOptions {
	/** A full file even when the exchange has a watermark (a receiver asked for one). */
	full?: boolean;
}

function asExportScope(scope: ExchangeScope) {
	return scope.kind === 'goals' && scope.memberId !== undefined
		? { kind: 'goals' as const, memberId: scope.memberId }
		: scope;
}

export async function exportExchangeWith(
	ctx: SnapshotContext,
	exchange: Exchange,
	opts: ExchangeExportOptions = {}
): Promise<ExchangeFile> {
	const key = exchangeKey(exchange);
	const last = opts.full ? undefined : await readSent(ctx, key);
	const cut = await takeCut(ctx, exchange.scope);
	const exportedAt = opts.now ?? Date.now();
	// A mark past this device's counter is not one of its files (a database restored over it):
	// start again from a full file.
	const since = last && last.upTo <= cut.upTo ? last : undefined;
	const changes: SnapshotChanges = since
		? { key, after: since.upTo, upTo: cut.upTo, full: false, afterAt: since.at }
		: { key, after: 0, upTo: cut.upTo, full: true };
	const { member, deviceId } = ctx.session;
	// What is private to a member goes only to them, or from them to the lead.
	const to = exchange.recipient;
	const entries = since
		? carriedTo(changesSince(ctx, exchange.scope, since, cut), to, member.id)
		: fullUpTo(ctx, exchange.scope, cut, to);
	const chunks = encodeSnapshot(watched(entries, opts.watch ?? {}), {
		appVersion: APP_VERSION,
		exportedBy: { memberId: member.id, memberName: member.name, deviceId },
		exportedAt,
		scope: headerScope(ctx, asExportScope(exchange.scope)),
		changes,
		...(opts.mask && opts.mask.length > 0 ? { mask: opts.mask } : {}),
		...(opts.passphrase !== undefined ? { passphrase: opts.passphrase } : {}),
		...(opts.testOnly ? { testOnly: opts.testOnly } : {})
	});
	const mark: SentMark = {
		upTo: cut.upTo,
		at: exportedAt,
		...(cut.customers ? { customers: cut.customers } : {})
	};
	return { key, changes, chunks, written: () => recordSent(ctx, key, mark) };
}

export async function exportExchange(
	exchange: Exchange,
	opts: ExchangeExportOptions = {}
): Promise<ExchangeFile> {
	return exportExchangeWith(await appContext(), exchange, opts);
}

/** The watermark of the app's exchange: when its last file was written (undefined: never). */
export async function lastSent(exchange: Exchange): Promise<SentMark | undefined> {
	return readSent(await appContext(), exchangeKey(exchange));
}
