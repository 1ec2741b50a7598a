import { describe, expect, it } from 'vitest';
import { tableRows } from './series';

describe('tableRows', () => {
	it('gives one row per label with a cell per series, formatted', () => {
		const rows = tableRows(
			{
				labels: ['Mon', 'Tue'],
				series: [
					{ label: 'Actual', values: [1, 2.5] },
					{ label: 'Target', values: [3] }
				]
			},
			(n) => n.toFixed(1)
		);
		expect(rows).toEqual([
			['Mon', '1.0', '3.0'],
			['Tue', '2.5', '']
		]);
	});
});
