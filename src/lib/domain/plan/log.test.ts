import { describe, expect, it } from 'vitest';
import { encodeHlc } from '../../sync/hlc';
import { lastStageMove } from './log';

const created = { hlc: encodeHlc({ wall: 1000, counter: 0, device: 'dev' }), by: 'm1' };
const deal = {
	id: 'd1',
	ownerId: 'm1',
	stage: 'proposal',
	trashedAt: null,
	_meta: { created, updated: created.hlc }
};

describe('lastStageMove', () => {
	it('reads when and by whom the stage was last changed', () => {
		const moved = { hlc: encodeHlc({ wall: 5000, counter: 2, device: 'dev2' }), by: 'lead' };
		const d = { ...deal, _meta: { created, fields: { stage: moved }, updated: moved.hlc } };
		expect(lastStageMove(d)).toEqual({
			dealId: 'd1',
			ownerId: 'm1',
			by: 'lead',
			at: 5000,
			toStage: 'proposal'
		});
	});
	it('does not count creating a deal, a trashed deal or a damaged stamp as a move', () => {
		expect(lastStageMove(deal)).toBeNull();
		const moved = { hlc: encodeHlc({ wall: 5000, counter: 0, device: 'dev' }), by: 'm1' };
		const d = { ...deal, _meta: { created, fields: { stage: moved }, updated: moved.hlc } };
		expect(lastStageMove({ ...d, trashedAt: 9 })).toBeNull();
		const bad = {
			...deal,
			_meta: { created, fields: { stage: { hlc: 'junk', by: 'm1' } }, updated: 'junk' }
		};
		expect(lastStageMove(bad)).toBeNull();
	});
});
