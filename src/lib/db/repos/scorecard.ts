import { DEFAULT_SCORECARD, type Scorecard } from '$lib/domain/review/scorecard';
import { scorecardErrors } from '$lib/domain/review/scorecard-read';
import { ValidationFailed } from '../errors';
import { readTeamSetting, writeTeamSetting } from './team-settings';

/**
 * The team's review scorecard: a team setting the lead edits, carried in files, so every device
 * of the team scores reviews alike. The default applies until the lead saves one.
 */
export async function getScorecard(): Promise<Scorecard> {
	return (await readTeamSetting('scorecard')) ?? DEFAULT_SCORECARD;
}

/**
 * Saves the lead's scorecard: refused with the codes (weights not summing to 100 carry the sum
 * they came to) and nothing written. A criterion the lead added keeps its trimmed name; no field
 * is written as undefined, which a file could not carry.
 */
export async function saveScorecard(card: Scorecard): Promise<void> {
	const clean: Scorecard = {
		kpis: card.kpis.map((k) => ({ metric: k.metric, weight: k.weight })),
		ratings: card.ratings.map((r) => {
			const label = r.label?.trim();
			return label
				? { criterion: r.criterion, weight: r.weight, label }
				: { criterion: r.criterion, weight: r.weight };
		}),
		cap: card.cap
	};
	const errors = scorecardErrors(clean);
	if (errors.length) throw new ValidationFailed(errors);
	await writeTeamSetting('scorecard', clean);
}
