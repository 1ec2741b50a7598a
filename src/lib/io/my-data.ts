/**
 * The file of a member's own data (repos/my-data.ts): plain JSON, readable by a person or a
 * program, saying what it is and when it was made. Bytes out; nothing here reads the database.
 */
export const MY_DATA_FORMAT = 'rapport-my-data';
export const MY_DATA_VERSION = 1;

export interface MyDataFile {
	format: typeof MY_DATA_FORMAT;
	version: typeof MY_DATA_VERSION;
	exportedAt: string;
	memberId: string;
	records: Record<string, readonly object[]>;
}

export function encodeMyData(
	data: { memberId: string; records: Partial<Record<string, readonly object[]>> },
	exportedAt: number
): Uint8Array {
	const records: Record<string, readonly object[]> = {};
	for (const [table, list] of Object.entries(data.records)) if (list) records[table] = list;
	const file: MyDataFile = {
		format: MY_DATA_FORMAT,
		version: MY_DATA_VERSION,
		exportedAt: new Date(exportedAt).toISOString(),
		memberId: data.memberId,
		records
	};
	return new TextEncoder().encode(`${JSON.stringify(file, null, 2)}\n`);
}
