/** Reads the cells of one row through a compiled mapping, checking the cell length limit. */
import type { FieldIssue } from './issues';
import { cleanCell, MAX_CELL } from './text';

export type CellIssueCode = 'cell_too_long';

const NONE: readonly string[] = Object.freeze([]);

export class RowCells {
	readonly issues: FieldIssue[] = [];
	private readonly seen = new Map<string, string[]>();
	constructor(
		private readonly cells: readonly string[],
		private readonly columns: ReadonlyMap<string, number[]>
	) {}

	/** Non-empty cleaned values of every column mapped to `field`. */
	all(field: string): readonly string[] {
		const cols = this.columns.get(field);
		if (!cols) return NONE;
		const cached = this.seen.get(field);
		if (cached) return cached;
		const out: string[] = [];
		for (const i of cols) {
			const raw = this.cells[i] ?? '';
			if (raw.length > MAX_CELL) {
				this.issues.push({ field, code: 'cell_too_long', severity: 'error', column: i + 1 });
				continue;
			}
			const v = cleanCell(raw);
			if (v) out.push(v);
		}
		this.seen.set(field, out);
		return out;
	}

	one(field: string): string {
		return this.all(field)[0] ?? '';
	}

	warn(field: string, code: string, value?: string): void {
		this.issues.push(
			value === undefined
				? { field, code, severity: 'warning' }
				: { field, code, severity: 'warning', value }
		);
	}

	fail(field: string, code: string): void {
		this.issues.push({ field, code, severity: 'error' });
	}

	get rejected(): boolean {
		return this.issues.some((i) => i.severity === 'error');
	}
}
