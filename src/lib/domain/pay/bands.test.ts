import { describe, expect, it } from 'vitest';
import { multiplierFor, validateBands, type ScoreBand } from './bands';

const BANDS: ScoreBand[] = [
	{ minScore: 60, multiplier: '0.8' },
	{ minScore: 80, multiplier: '1' },
	{ minScore: 90, multiplier: '1.2' }
];

describe('multiplierFor', () => {
	it.each([
		[95, 2, '1.2'],
		[90, 2, '1.2'],
		[89.99, 1, '1'],
		[80, 1, '1'],
		[60, 0, '0.8'],
		[59.5, null, '0'],
		[null, null, '0'],
		[Number.NaN, null, '0']
	])('score %s → band %s, ×%s', (score, band, multiplier) => {
		expect(multiplierFor(BANDS, score)).toEqual({ band, multiplier });
	});
});

describe('validateBands', () => {
	it('accepts a sorted table', () => expect(validateBands(BANDS)).toEqual([]));
	it('refuses an empty table', () => {
		expect(validateBands([])).toEqual([{ code: 'bands_empty', bands: [] }]);
	});
	it('names bands out of order or claiming the same score', () => {
		expect(
			validateBands([
				{ minScore: 80, multiplier: '1' },
				{ minScore: 60, multiplier: '0.8' },
				{ minScore: 60, multiplier: '0.9' }
			])
		).toEqual([
			{ code: 'bands_unsorted', bands: [0, 1] },
			{ code: 'bands_unsorted', bands: [1, 2] }
		]);
	});
	it('names a bad score or multiplier', () => {
		expect(
			validateBands([
				{ minScore: Number.NaN, multiplier: '1' },
				{ minScore: 10, multiplier: '1.5x' },
				{ minScore: 20, multiplier: '10.5' }
			])
		).toEqual([
			{ code: 'band_score_invalid', bands: [0] },
			{ code: 'band_multiplier_invalid', bands: [1] },
			{ code: 'band_multiplier_invalid', bands: [2] }
		]);
	});
});
