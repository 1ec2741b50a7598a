/**
 * Caps on one CSV file, so that a damaged or hostile file is refused with a message instead of
 * filling the memory of the tab. They bound a cell and a row, never the number of rows: a full
 * export of 100,000 customers with long notes is far inside them.
 *
 * - A cell (quoted or not) may hold MAX_CSV_CELL characters. Mapped cells have a lower cap of
 *   their own (MAX_CELL in text.ts); this one is for every column, mapped or not, and stops the
 *   reader early: the rest of such a row is skipped unread.
 * - A row may have MAX_COLUMNS cells: exports of large CRMs have a few hundred columns.
 *
 * A data row over a cap is rejected (cell_over_limit, columns_over_limit, with its row and
 * column) and the rest of the file is read; a header row over a cap refuses the file
 * (file_cell_over_limit, file_columns_over_limit), since no row can be read without it.
 */
export const MAX_CSV_CELL = 1_000_000;
export const MAX_COLUMNS = 2_000;

export type LimitIssueCode = 'cell_over_limit' | 'columns_over_limit';
export type LimitRefusal = 'file_cell_over_limit' | 'file_columns_over_limit';
