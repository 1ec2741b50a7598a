import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	decodeHlc,
	encodeHlc,
	HybridClock,
	farAheadFloor,
	isFarAhead,
	MAX_AHEAD_MS,
	MAX_COUNTER,
	MAX_WALL
} from './hlc';

/** Stamps are compared as plain text everywhere (merge, clock, indexes): the order to keep. */
const byText = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

describe('encodeHlc / decodeHlc', () => {
	it('round-trips and orders like (wall, counter, device)', () => {
		fc.assert(
			fc.property(
				fc.record({
					wall: fc.integer({ min: 0, max: 9e14 }),
					counter: fc.integer({ min: 0, max: MAX_COUNTER }),
					device: fc.stringMatching(/^[a-z0-9-]{1,12}$/)
				}),
				fc.record({
					wall: fc.integer({ min: 0, max: 9e14 }),
					counter: fc.integer({ min: 0, max: MAX_COUNTER }),
					device: fc.stringMatching(/^[a-z0-9-]{1,12}$/)
				}),
				(a, b) => {
					expect(decodeHlc(encodeHlc(a))).toEqual(a);
					const byTuple =
						a.wall - b.wall ||
						a.counter - b.counter ||
						(a.device < b.device ? -1 : a.device > b.device ? 1 : 0);
					expect(Math.sign(byText(encodeHlc(a), encodeHlc(b)))).toBe(Math.sign(byTuple));
				}
			)
		);
	});

	it('rejects what is not a stamp', () => {
		expect(decodeHlc('')).toBeNull();
		expect(decodeHlc('12:0000:dev')).toBeNull();
		expect(decodeHlc('000000000000001:0000:')).toBeNull();
		expect(() => encodeHlc({ wall: -1, counter: 0, device: 'd' })).toThrow();
		expect(() => encodeHlc({ wall: 1, counter: 0, device: 'a:b' })).toThrow();
	});
});

describe('HybridClock', () => {
	it('is strictly monotonic while time stands still', () => {
		const clock = new HybridClock('dev', () => 1000);
		const stamps = Array.from({ length: 50 }, () => clock.tick());
		for (let i = 1; i < stamps.length; i++)
			expect(String(stamps[i]) > String(stamps[i - 1])).toBe(true);
	});

	it('stays monotonic when the wall clock jumps back', () => {
		let now = 1_700_000_000_000;
		const clock = new HybridClock('dev', () => now);
		const before = clock.tick();
		now -= 3_600_000; // the user set the clock back an hour
		const after = clock.tick();
		expect(after > before).toBe(true);
		expect(decodeHlc(after)?.wall).toBe(1_700_000_000_000);
	});

	it('orders local writes after a remote stamp from a clock running ahead', () => {
		const now = 1_700_000_000_000;
		const clock = new HybridClock('b', () => now);
		const remote = encodeHlc({ wall: now + 600_000, counter: 7, device: 'a' });
		expect(clock.observe(remote)).toBe(600_000);
		const next = clock.tick();
		expect(next > remote).toBe(true);
		expect(decodeHlc(next)).toEqual({ wall: now + 600_000, counter: 8, device: 'b' });
	});

	it('moves back to physical time once it catches up', () => {
		let now = 1000;
		const clock = new HybridClock('b', () => now);
		clock.observe(encodeHlc({ wall: 2000, counter: 3, device: 'a' }));
		now = 2500;
		expect(decodeHlc(clock.tick())).toEqual({ wall: 2500, counter: 0, device: 'b' });
	});

	it('resumes after the last stamp it persisted', () => {
		const last = encodeHlc({ wall: 5000, counter: 2, device: 'd' });
		const clock = new HybridClock('d', () => 10, last);
		expect(clock.tick() > last).toBe(true);
	});

	it('borrows the next millisecond when the counter is exhausted', () => {
		const clock = new HybridClock('d', () => 0);
		clock.observe(encodeHlc({ wall: 0, counter: MAX_COUNTER, device: 'x' }));
		expect(decodeHlc(clock.tick())).toEqual({ wall: 1, counter: 0, device: 'd' });
	});

	it('ignores garbage from a damaged file', () => {
		const clock = new HybridClock('d', () => 10);
		expect(clock.observe('not-a-stamp')).toBe(0);
		expect(decodeHlc(clock.tick())?.wall).toBe(10);
	});

	it('is monotonic over any mix of ticks, observes and clock jumps', () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.oneof(
						fc.record({
							op: fc.constant('tick' as const),
							dt: fc.integer({ min: -1e6, max: 1e6 })
						}),
						fc.record({
							op: fc.constant('observe' as const),
							dt: fc.integer({ min: -1e6, max: 1e7 })
						})
					),
					{ maxLength: 60 }
				),
				(ops) => {
					let now = 1e12;
					const clock = new HybridClock('me', () => now);
					let last = '';
					for (const o of ops) {
						now += o.dt;
						if (o.op === 'observe') {
							const remote = encodeHlc({ wall: Math.max(0, now + o.dt), counter: 0, device: 'zz' });
							clock.observe(remote);
							const s = clock.tick();
							expect(s > remote).toBe(true);
							expect(s > last).toBe(true);
							last = s;
						} else {
							const s = clock.tick();
							expect(s > last).toBe(true);
							last = s;
						}
					}
				}
			),
			{ numRuns: 300 }
		);
	});
});

describe('HybridClock and stamps from the future', () => {
	const DAY = MAX_AHEAD_MS;
	const NOW = 1_700_000_000_000;

	it('never adopts a stamp more than 24 hours ahead of its own clock', () => {
		const clock = new HybridClock('me', () => NOW);
		clock.observe(encodeHlc({ wall: NOW + DAY + 1, counter: 0, device: 'far' }));
		clock.observe('999999999999999:zzzz:x');
		expect(decodeHlc(clock.tick())?.wall).toBe(NOW);
	});

	it('issues only stamps that decode, whatever it observed (1,000 runs)', () => {
		// Both kinds of observed stamp must occur, or the property passed vacuously.
		const seen = { followed: 0, refused: 0 };
		// A stamp near this device's time (within a day or past it), or any stamp at all.
		const anyStamp = fc.oneof(
			fc.constant('999999999999999:zzzz:x'),
			fc.record({
				dt: fc.integer({ min: -2 * MAX_AHEAD_MS, max: 2 * MAX_AHEAD_MS }),
				counter: fc.integer({ min: 0, max: MAX_COUNTER })
			}),
			fc
				.record({
					wall: fc.integer({ min: 0, max: MAX_WALL }),
					counter: fc.integer({ min: 0, max: MAX_COUNTER })
				})
				.map((r) => encodeHlc({ ...r, device: 'zz' }))
		);
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 4_102_444_800_000 }),
				fc.array(
					fc.oneof(
						fc.record({
							op: fc.constant('tick' as const),
							dt: fc.integer({ min: -1e6, max: 1e6 })
						}),
						fc.record({ op: fc.constant('observe' as const), stamp: anyStamp })
					),
					{ minLength: 1, maxLength: 40 }
				),
				(start, ops) => {
					let now = start;
					let latest = start;
					let last = '';
					const clock = new HybridClock('me', () => now);
					for (const o of ops) {
						let remote = '';
						if (o.op === 'observe') {
							remote =
								typeof o.stamp === 'string'
									? o.stamp
									: encodeHlc({
											wall: Math.max(0, now + o.stamp.dt),
											counter: o.stamp.counter,
											device: 'zz'
										});
							clock.observe(remote);
							if (isFarAhead(remote, now)) seen.refused++;
							else seen.followed++;
						} else {
							now = Math.max(0, now + o.dt);
							latest = Math.max(latest, now);
						}
						const s = clock.tick();
						const h = decodeHlc(s);
						expect(h).not.toBeNull();
						// Never further ahead than a day past the latest time this device has seen.
						expect(h!.wall).toBeLessThanOrEqual(latest + DAY + 1);
						expect(s > last).toBe(true);
						// A stamp within reach is still followed, as the hybrid clock must.
						if (remote && !isFarAhead(remote, now)) expect(s > remote).toBe(true);
						last = s;
					}
				}
			),
			{ numRuns: 1000 }
		);
		expect(seen.followed).toBeGreaterThan(300);
		expect(seen.refused).toBeGreaterThan(300);
	});
});

describe('the limits of a stamp', () => {
	const NOW = 1_700_000_000_000;

	it('refuses to encode a wall past 15 digits', () => {
		expect(encodeHlc({ wall: MAX_WALL, counter: MAX_COUNTER, device: 'd' })).toBe(
			'999999999999999:zzzz:d'
		);
		expect(() => encodeHlc({ wall: MAX_WALL + 1, counter: 0, device: 'd' })).toThrow(RangeError);
	});

	it('calls far ahead what is more than a day ahead, or no stamp at all', () => {
		const at = (wall: number) => encodeHlc({ wall, counter: 0, device: 'x' });
		expect(isFarAhead(at(NOW + MAX_AHEAD_MS), NOW)).toBe(false);
		expect(isFarAhead(at(NOW + MAX_AHEAD_MS + 1), NOW)).toBe(true);
		expect(isFarAhead(at(0), NOW)).toBe(false);
		expect(isFarAhead('1000000000000000:0000:x', NOW)).toBe(true);
		expect(isFarAhead('', NOW)).toBe(true);
	});

	it('sorts every far-ahead stamp, and only those, above the floor', () => {
		const floor = farAheadFloor(NOW);
		const at = (wall: number, counter = 0, device = 'x') => encodeHlc({ wall, counter, device });
		expect(at(NOW + MAX_AHEAD_MS, MAX_COUNTER, 'zzzz') < floor).toBe(true);
		expect(at(NOW + MAX_AHEAD_MS + 1) > floor).toBe(true);
		expect('1000000000000000:0000:x' > floor).toBe(true);
		expect(at(0) < floor).toBe(true);
	});

	it('follows a stamp up to a day ahead and reports how far ahead a refused one was', () => {
		const clock = new HybridClock('me', () => NOW);
		const far = encodeHlc({ wall: NOW + 2 * MAX_AHEAD_MS, counter: 0, device: 'x' });
		expect(clock.observe(far)).toBe(2 * MAX_AHEAD_MS);
		const near = encodeHlc({ wall: NOW + MAX_AHEAD_MS, counter: 3, device: 'x' });
		expect(clock.observe(near)).toBe(MAX_AHEAD_MS);
		expect(decodeHlc(clock.tick())).toEqual({ wall: NOW + MAX_AHEAD_MS, counter: 4, device: 'me' });
		expect(clock.latest()).toBe(encodeHlc({ wall: NOW + MAX_AHEAD_MS, counter: 4, device: 'me' }));
	});
});
