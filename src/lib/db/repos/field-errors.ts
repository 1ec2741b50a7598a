import { ValidationFailed } from '../errors';

/** The field checks the repositories of tasks, deals, tickets, feedback and goals share. */

/** Throws the collected field errors, if any. */
export function refuse(errors: { field: string; code: string }[]): void {
	if (errors.length) throw new ValidationFailed(errors);
}

/** Field error for a text that is required and has a maximum length. */
export function textError(
	field: string,
	value: string,
	max: number,
	required: boolean
): { field: string; code: string } | null {
	const v = value.trim();
	if (!v && required) return { field, code: `${field === 'title' ? 'title' : 'text'}_required` };
	if (v.length > max) return { field, code: 'text_too_long' };
	return null;
}

export const isFiniteNumber = (n: unknown): n is number =>
	typeof n === 'number' && Number.isFinite(n);
