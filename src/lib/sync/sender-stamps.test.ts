import { describe, expect, it } from 'vitest';
import { SenderStamps } from './sender-stamps';

const hlc = (n: number, device: string) => `${String(n).padStart(15, '0')}:0000:${device}`;

describe('the stamps of a file’s sender', () => {
	it('keeps the greatest of that device only, from records and tombstones', () => {
		const s = new SenderStamps('li');
		s.note({
			t: 'customers',
			r: {
				id: 'c1',
				_meta: {
					created: { hlc: hlc(5, 'li'), by: 'm' },
					fields: { city: { hlc: hlc(9, 'wang'), by: 'w' }, tier: { hlc: hlc(7, 'li'), by: 'm' } },
					updated: hlc(9, 'wang')
				}
			}
		});
		expect(s.greatest).toBe(hlc(7, 'li'));
		s.note({ t: '_tomb', r: { table: 'customers', id: 'c2', hlc: hlc(8, 'li'), by: 'm' } });
		// A device whose id ends like the sender's is another device.
		s.note({ t: '_tomb', r: { table: 'customers', id: 'c3', hlc: hlc(20, 'xli'), by: 'x' } });
		s.note({ t: 'customers', r: null });
		expect(s.greatest).toBe(hlc(8, 'li'));
	});
});
