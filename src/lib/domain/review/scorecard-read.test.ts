import { describe, expect, it } from 'vitest';
import { usableTeamSetting } from '../team/team-settings';
import { DEFAULT_SCORECARD, type Scorecard } from './scorecard';
import {
	CRITERION_LABEL_MAX,
	asScorecard,
	newCriterionKey,
	scorecardErrors,
	usableScorecard
} from './scorecard-read';

const WITH_OWN: Scorecard = {
	kpis: [{ metric: 'sales_amount', weight: 70 }],
	ratings: [
		{ criterion: 'teamwork', weight: 10 },
		{ criterion: 'custom_1', weight: 20, label: '拜访质量' }
	],
	cap: 120
};

describe('the scorecard as stored and edited', () => {
	it('reads a stored value only in the scorecard’s shape', () => {
		expect(asScorecard(DEFAULT_SCORECARD)).toEqual(DEFAULT_SCORECARD);
		expect(asScorecard(WITH_OWN)).toEqual(WITH_OWN);
		expect(asScorecard({ ...WITH_OWN, extra: 1 })).toEqual(WITH_OWN);
		for (const bad of [
			null,
			[],
			'card',
			{ ...WITH_OWN, cap: '120' },
			{ ...WITH_OWN, kpis: [{ metric: 'sales_amount' }] },
			{ ...WITH_OWN, ratings: [{ criterion: 1, weight: 10 }] },
			{ kpis: [], cap: 120 }
		])
			expect(asScorecard(bad), JSON.stringify(bad)).toBeNull();
		// A label that is not text is left out, not kept as something else.
		expect(
			asScorecard({ ...WITH_OWN, ratings: [{ criterion: 'teamwork', weight: 30, label: 5 }] })
				?.ratings
		).toEqual([{ criterion: 'teamwork', weight: 30 }]);
	});

	it('wants a name for every criterion the lead added', () => {
		expect(scorecardErrors(WITH_OWN)).toEqual([]);
		const unnamed: Scorecard = {
			...WITH_OWN,
			ratings: [
				{ criterion: 'teamwork', weight: 10 },
				{ criterion: 'custom_1', weight: 10, label: '  ' },
				{ criterion: 'custom_2', weight: 10, label: '长'.repeat(CRITERION_LABEL_MAX + 1) }
			]
		};
		expect(scorecardErrors(unnamed).map((e) => `${e.field}:${e.code}`)).toEqual([
			'ratings.1.label:criterion_label_required',
			'ratings.2.label:criterion_label_too_long'
		]);
	});

	it('refuses weights summing to 90 with the sum, as the team setting does', () => {
		const ninety = { ...WITH_OWN, kpis: [{ metric: 'sales_amount' as const, weight: 60 }] };
		expect(scorecardErrors(ninety)).toEqual([{ field: 'weights', code: 'weights_sum', sum: 90 }]);
		expect(usableScorecard(ninety)).toBe(false);
		expect(usableTeamSetting('scorecard', ninety)).toBe(false);
		expect(usableTeamSetting('scorecard', WITH_OWN)).toBe(true);
		expect(usableTeamSetting('scorecard', DEFAULT_SCORECARD)).toBe(true);
		expect(usableTeamSetting('scorecard', { ...WITH_OWN, ratings: [] })).toBe(false);
	});

	it('gives an added criterion a key the card does not hold', () => {
		expect(newCriterionKey(DEFAULT_SCORECARD)).toBe('custom_1');
		expect(newCriterionKey(WITH_OWN)).toBe('custom_2');
	});
});
