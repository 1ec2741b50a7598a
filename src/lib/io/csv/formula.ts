/**
 * Formula neutralisation (CSV injection, OWASP): spreadsheet apps run a cell that begins with
 * `=`, `+`, `-` or `@` as a formula (`=cmd|' /C calc'!A0`), and tab or CR can hide such a
 * prefix. On export such a cell gets ONE leading apostrophe, which Excel and LibreOffice treat
 * as "this is text".
 *
 * The rule must be undone exactly on import so that export → import gives back the same cell
 * (`+8613812345678`, `-50`). A naive "strip a leading apostrophe" would break cells that really
 * start with `'=`, so both directions work on runs of apostrophes:
 *   export: a cell matching /^'*[=+\-@\t\r]/ gets one more leading `'`;
 *   import: a cell matching /^'+[=+\-@\t\r]/ loses one leading `'`.
 * Import ∘ export is then the identity on every string. Hand-typed `'+8613812345678` (the
 * Excel idiom for "keep as text") is read as `+8613812345678`, which is what the person meant.
 */

const NEEDS_GUARD = /^'*[=+\-@\t\r]/;
const GUARDED = /^'+[=+\-@\t\r]/;

export function neutralizeCell(cell: string): string {
	return NEEDS_GUARD.test(cell) ? `'${cell}` : cell;
}

export function restoreCell(cell: string): string {
	return cell.charCodeAt(0) === 0x27 && GUARDED.test(cell) ? cell.slice(1) : cell;
}
