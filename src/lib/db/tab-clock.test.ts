import { describe, expect, it } from 'vitest';
import { decodeHlc, encodeHlc, HybridClock, MAX_AHEAD_MS } from '$lib/sync/hlc';
import { TabsClock, type ClockMark } from './tab-clock';

const NOW = 1_700_000_000_000;

function memoryMark(): ClockMark & { value: string } {
	const m = {
		value: '',
		read: () => m.value,
		write: (h: string) => {
			m.value = h;
		}
	};
	return m;
}

const tab = (mark: ClockMark | null, now = () => NOW) =>
	new TabsClock(new HybridClock('dev', now), mark, now);

describe('one clock for the tabs of a device', () => {
	it('orders a tick in one tab after what another tab issued or adopted', () => {
		const mark = memoryMark();
		const a = tab(mark);
		const b = tab(mark);
		const remote = encodeHlc({ wall: NOW + 3_600_000, counter: 5, device: 'mate' });
		b.observe(remote);
		const fromB = b.tick();
		const fromA = a.tick();
		expect(fromA > fromB).toBe(true);
		expect(fromA > remote).toBe(true);
	});

	it('never lowers the mark, and replaces one more than a day ahead', () => {
		const mark = memoryMark();
		const high = encodeHlc({ wall: NOW + 60_000, counter: 0, device: 'dev' });
		mark.value = high;
		let behind = NOW - 60_000;
		const slow = new TabsClock(new HybridClock('dev', () => behind), null);
		expect(slow.tick() < high).toBe(true); // without the mark it would issue older stamps
		const joined = tab(mark, () => behind);
		expect(joined.tick() > high).toBe(true);
		expect(mark.value > high).toBe(true);

		mark.value = '999999999999999:zzzz:x';
		behind = NOW;
		const s = tab(mark).tick();
		expect(decodeHlc(s)?.wall).toBeLessThanOrEqual(NOW + MAX_AHEAD_MS);
		expect(mark.value).toBe(s);
	});

	it('still ticks when the storage refuses to be read or written', () => {
		const broken: ClockMark = {
			read: () => {
				throw new Error('SecurityError');
			},
			write: () => {
				throw new Error('QuotaExceededError');
			}
		};
		const c = tab(broken);
		const first = c.tick();
		expect(c.tick() > first).toBe(true);
	});

	it('reads and writes the mark once around a run of ticks, still after the other tabs', () => {
		const mark = memoryMark();
		let reads = 0;
		let writes = 0;
		const counted: ClockMark = {
			read: () => (reads++, mark.read()),
			write: (h) => (writes++, mark.write(h))
		};
		const other = tab(mark);
		other.observe(encodeHlc({ wall: NOW + 60_000, counter: 7, device: 'mate' }));
		const fromOther = other.tick();
		const c = tab(counted);
		const stamps = c.run(() => Array.from({ length: 50 }, () => c.tick()));
		expect(reads).toBe(2); // once before the run, once to publish only forward
		expect(writes).toBe(1);
		expect(stamps[0]! > fromOther).toBe(true);
		expect([...stamps].sort()).toEqual(stamps);
		expect(new Set(stamps).size).toBe(50);
		expect(mark.value).toBe(stamps[49]);
		expect(other.tick() > stamps[49]!).toBe(true);
	});
});
