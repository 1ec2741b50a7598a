import { withoutChangeNumber } from '../../sync/change-number';

/**
 * A team member's own data as a file (PIPL: a copy of what is held about them): one UTF-8 JSON
 * object, readable in any editor, that opens with what it is and when it was made, then their
 * member record, then their records by table (db/repos/member-data.ts gathers them). The device's
 * local change number is left out, as every file leaves it out (sync/change-number.ts).
 */

export const MEMBER_DATA_FORMAT = 'rapport-member-data';
export const MEMBER_DATA_VERSION = 1;

export interface MemberData {
	member: object;
	/** Records by table, in the order the file lists them. */
	tables: readonly { table: string; records: readonly object[] }[];
}

/** The file's bytes; `exportedAt` (epoch ms) must be a real time. */
export function encodeMemberData(data: MemberData, exportedAt: number): Uint8Array {
	if (!Number.isFinite(exportedAt)) throw new RangeError(`exportedAt: ${exportedAt}`);
	const records = Object.fromEntries(
		data.tables.map(({ table, records }) => [table, records.map(withoutChangeNumber)])
	);
	const file = {
		format: MEMBER_DATA_FORMAT,
		version: MEMBER_DATA_VERSION,
		exportedAt: new Date(exportedAt).toISOString(),
		member: withoutChangeNumber(data.member),
		records
	};
	return new TextEncoder().encode(`${JSON.stringify(file, null, 2)}\n`);
}

/** `rapport-my-data-2026-03-11.json`: the day of the export, in UTC like its `exportedAt`. */
export function memberDataFileName(exportedAt: number): string {
	return `rapport-my-data-${new Date(exportedAt).toISOString().slice(0, 10)}.json`;
}
