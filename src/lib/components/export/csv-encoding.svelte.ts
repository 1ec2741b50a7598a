import type { ExportEncoding } from '$lib/io/csv/export';

const STORAGE_KEY = 'rapport.csvEncoding';

/**
 * The encoding of every CSV export (customer, deal, task, ticket and goal lists): UTF-8 with a BOM
 * unless the person asked for GB18030 (older Chinese Excel). Remembered on this device, like the
 * language, so the choice made on one list holds for the others.
 */
class CsvEncoding {
	value = $state<ExportEncoding>(
		globalThis.localStorage?.getItem(STORAGE_KEY) === 'gb18030' ? 'gb18030' : 'utf-8-bom'
	);

	set(v: ExportEncoding): void {
		this.value = v;
		try {
			globalThis.localStorage?.setItem(STORAGE_KEY, v);
		} catch {
			// Storage refused (private mode): the choice holds for this visit.
		}
	}
}

export const csvEncoding = new CsvEncoding();
