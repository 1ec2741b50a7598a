import { describe, expect, it } from 'vitest';
import {
	DEFAULT_STAGES,
	clampProbability,
	defaultProbability,
	findStage,
	isOpenStage,
	stageKind,
	validateStages,
	type StageDef
} from './stages';

describe('default stages', () => {
	it('are the stages of the issue in order, with default probabilities', () => {
		expect(DEFAULT_STAGES.map((s) => s.key)).toEqual([
			'lead',
			'needs_confirmed',
			'proposal',
			'negotiation',
			'won',
			'lost'
		]);
		expect(DEFAULT_STAGES.map((s) => s.probability)).toEqual([10, 25, 50, 75, 100, 0]);
		expect(validateStages(DEFAULT_STAGES)).toEqual([]);
	});
	it('classify open, won and lost', () => {
		expect(stageKind(DEFAULT_STAGES, 'proposal')).toBe('open');
		expect(stageKind(DEFAULT_STAGES, 'won')).toBe('won');
		expect(stageKind(DEFAULT_STAGES, 'lost')).toBe('lost');
		expect(isOpenStage(DEFAULT_STAGES, 'retired_stage')).toBe(true);
		expect(isOpenStage(DEFAULT_STAGES, 'won')).toBe(false);
	});
	it('give default probabilities, null for an unknown stage', () => {
		expect(defaultProbability(DEFAULT_STAGES, 'negotiation')).toBe(75);
		expect(defaultProbability(DEFAULT_STAGES, 'nope')).toBeNull();
		expect(findStage(DEFAULT_STAGES, 'lead')?.probability).toBe(10);
	});
});

describe('validateStages', () => {
	const open = (key: string, probability = 10): StageDef => ({ key, probability, kind: 'open' });
	const won: StageDef = { key: 'won', probability: 100, kind: 'won' };
	const lost: StageDef = { key: 'lost', probability: 0, kind: 'lost' };
	it('accepts a custom list', () => {
		expect(validateStages([open('demo', 40), won, lost])).toEqual([]);
	});
	it('reports each problem once', () => {
		expect(validateStages([])).toEqual(['stages_empty']);
		expect(validateStages([open('a'), open('a'), won, lost])).toEqual(['stage_key_duplicate']);
		expect(validateStages([open('Bad Key'), won, lost])).toEqual(['stage_key_invalid']);
		expect(validateStages([open('a', 120), open('b', -1), won, lost])).toEqual([
			'probability_invalid'
		]);
		expect(validateStages([open('a', Number.NaN), won, lost])).toEqual(['probability_invalid']);
		expect(validateStages([open('a'), lost])).toEqual(['won_stage_count']);
		expect(validateStages([open('a'), won, won, lost])).toEqual(
			expect.arrayContaining(['won_stage_count', 'stage_key_duplicate'])
		);
		expect(validateStages([open('a'), won])).toEqual(['lost_stage_count']);
	});
});

describe('clampProbability', () => {
	it('clamps and cleans', () => {
		expect(clampProbability(150)).toBe(100);
		expect(clampProbability(-5)).toBe(0);
		expect(clampProbability(Number.NaN)).toBe(0);
		expect(clampProbability(33.5)).toBe(33.5);
	});
});
