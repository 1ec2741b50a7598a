import { describe, expect, it } from 'vitest';
import { authoredByOwner } from './demo-authors';

describe('demo records authored by their owners', () => {
	it('names the owner in every stamp and keeps the times', () => {
		const [r] = authoredByOwner([
			{
				id: 'c1',
				ownerId: 'li-na',
				_meta: {
					created: { hlc: 'h1', by: 'lead' },
					fields: { name: { hlc: 'h2', by: 'lead' } },
					updated: 'h2'
				}
			}
		]);
		expect(r!._meta).toEqual({
			created: { hlc: 'h1', by: 'li-na' },
			fields: { name: { hlc: 'h2', by: 'li-na' } },
			updated: 'h2'
		});
	});

	it('adds no field stamps to a record written once', () => {
		const [r] = authoredByOwner([
			{ id: 'c1', ownerId: 'wang', _meta: { created: { hlc: 'h1', by: 'x' }, updated: 'h1' } }
		]);
		expect(r!._meta).toEqual({ created: { hlc: 'h1', by: 'wang' }, updated: 'h1' });
	});
});
