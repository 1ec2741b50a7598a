import { compareRatio, parseDecimal, ratioOf, type Decimal } from './decimal';

/**
 * The performance bonus multiplier (绩效系数) read from the period's review score: a table of
 * score bands, each from its lower score (inclusive) up to the next band's. A score below the
 * first band, or no review, earns a multiplier of 0.
 */
export interface ScoreBand {
	/** Lowest score of the band, inclusive. */
	minScore: number;
	/** The multiplier, as decimal text ('1.2'). At most 10. */
	multiplier: Decimal;
}

export const BAND_ERROR_CODES = [
	'bands_empty',
	'band_score_invalid',
	'band_multiplier_invalid',
	'bands_unsorted'
] as const;
export type BandErrorCode = (typeof BAND_ERROR_CODES)[number];

export interface BandError {
	code: BandErrorCode;
	bands: number[];
}

const MAX_MULTIPLIER = ratioOf(10n);

export function validateBands(bands: readonly ScoreBand[]): BandError[] {
	if (bands.length === 0) return [{ code: 'bands_empty', bands: [] }];
	const errors: BandError[] = [];
	bands.forEach((b, i) => {
		if (!Number.isFinite(b.minScore)) errors.push({ code: 'band_score_invalid', bands: [i] });
		const m = parseDecimal(b.multiplier);
		if (!m || compareRatio(m, MAX_MULTIPLIER) > 0) {
			errors.push({ code: 'band_multiplier_invalid', bands: [i] });
		}
		const prev = bands[i - 1];
		// Equal lower scores would make two bands claim the same score.
		if (prev && Number.isFinite(prev.minScore) && !(b.minScore > prev.minScore)) {
			errors.push({ code: 'bands_unsorted', bands: [i - 1, i] });
		}
	});
	return errors;
}

export interface BandPick {
	/** The band the score falls in; null below the first band or without a score. */
	band: number | null;
	multiplier: Decimal;
}

/** The band a score falls in (bands assumed valid). */
export function multiplierFor(bands: readonly ScoreBand[], score: number | null): BandPick {
	if (score === null || !Number.isFinite(score)) return { band: null, multiplier: '0' };
	let pick: BandPick = { band: null, multiplier: '0' };
	bands.forEach((b, i) => {
		if (score >= b.minScore) pick = { band: i, multiplier: b.multiplier };
	});
	return pick;
}
