import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGES } from '../deal/stages';
import { pipelineByStage, type PipelineDeal } from './pipeline';

const cny = (minor: number) => ({ minor, currency: 'CNY' });

describe('pipelineByStage', () => {
	const deals: PipelineDeal[] = [
		{ stage: 'lead', amount: cny(10_000), probability: 10 },
		{ stage: 'lead', amount: cny(30_000), probability: 10 },
		{ stage: 'proposal', amount: { minor: 5_000, currency: 'USD' }, probability: 50 },
		{ stage: 'proposal', amount: cny(1), probability: 50 },
		{ stage: 'won', amount: cny(99_000), probability: 100 },
		{ stage: 'retired', amount: cny(7), probability: 10 },
		{ stage: 'lost', amount: cny(1_000), probability: 0, trashedAt: 3 }
	];
	it('lists every configured stage in order, then unknown stages', () => {
		const rows = pipelineByStage(deals);
		expect(rows.map((r) => r.stage)).toEqual([...DEFAULT_STAGES.map((s) => s.key), 'retired']);
		expect(rows[0]).toEqual({
			stage: 'lead',
			count: 2,
			amount: { CNY: 40_000 },
			weighted: { CNY: 4_000 }
		});
		expect(rows[1]).toEqual({ stage: 'needs_confirmed', count: 0, amount: {}, weighted: {} });
		expect(rows[2]).toEqual({
			stage: 'proposal',
			count: 2,
			amount: { USD: 5_000, CNY: 1 },
			weighted: { USD: 2_500, CNY: 1 }
		});
		expect(rows.find((r) => r.stage === 'lost')?.count).toBe(0);
	});
	it('openOnly leaves out won and lost', () => {
		const rows = pipelineByStage(deals, DEFAULT_STAGES, { openOnly: true });
		expect(rows.map((r) => r.stage)).toEqual([
			'lead',
			'needs_confirmed',
			'proposal',
			'negotiation',
			'retired'
		]);
	});
	it('counts a deal with a broken amount but adds no money', () => {
		const rows = pipelineByStage([
			{ stage: 'lead', amount: { minor: Number.NaN, currency: 'CNY' }, probability: 10 }
		]);
		expect(rows[0]).toEqual({ stage: 'lead', count: 1, amount: {}, weighted: {} });
	});
});
