/** Random ids (UUID v4) so that records created on different devices never collide. */
export type Id = string;
/** Milliseconds since the Unix epoch (UTC). */
export type EpochMs = number;
/** A calendar date without a time, `YYYY-MM-DD`, for birthdays and due dates. */
export type IsoDate = string;
/** Money in minor units (fen, cents) to avoid floating-point drift, with an ISO 4217 currency. */
export interface Money {
	minor: number;
	currency: string;
}

/** A result that carries error codes (never sentences: components translate them). */
export type Result<T, E extends string = string> =
	{ ok: true; value: T } | { ok: false; errors: FieldError<E>[] };

export interface FieldError<E extends string = string> {
	field: string;
	code: E;
}
