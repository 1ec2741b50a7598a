import { describe, expect, it } from 'vitest';
import { encodeMyData, MY_DATA_FORMAT } from './my-data';

describe('encodeMyData', () => {
	it('writes JSON that says what it is, when it was made and whose it is', () => {
		const bytes = encodeMyData(
			{
				memberId: 'li',
				records: { members: [{ id: 'li', name: '李娜' }], goals: [], reviews: undefined }
			},
			Date.UTC(2026, 2, 10, 2)
		);
		const file = JSON.parse(new TextDecoder().decode(bytes));
		expect(file).toEqual({
			format: MY_DATA_FORMAT,
			version: 1,
			exportedAt: '2026-03-10T02:00:00.000Z',
			memberId: 'li',
			records: { members: [{ id: 'li', name: '李娜' }], goals: [] }
		});
	});
});
