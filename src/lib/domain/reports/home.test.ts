import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGES, isOpenStage } from '../deal/stages';
import { DAY_MS, civilDateAt, daysInMonth } from '../shared/dates';
import { birthdayParts, dealsClosingBetween, upcomingBirthdays, type BirthdayRow } from './home';

const CN = 480;
/** 2025-12-28 09:00 Beijing. */
const NOW = Date.UTC(2025, 11, 28, 1);

describe('birthdayParts', () => {
	it('reads full dates and year-less --MM-DD', () => {
		expect(birthdayParts('1990-01-02')).toEqual({ year: 1990, month: 1, day: 2 });
		expect(birthdayParts('--02-29')).toEqual({ year: null, month: 2, day: 29 });
		expect(birthdayParts('0001-05-06')).toEqual({ year: null, month: 5, day: 6 });
	});
	it('refuses malformed values', () => {
		for (const b of ['', '1990-02-30', '--13-01', '--02-30', '12-25', 'x'])
			expect(birthdayParts(b)).toBeNull();
	});
});

describe('upcomingBirthdays', () => {
	const rows: BirthdayRow[] = [
		{ id: 'today', birthday: '1985-12-28' },
		{ id: 'ny', birthday: '2000-01-02' },
		{ id: 'too-far', birthday: '2000-01-04' },
		{ id: 'past', birthday: '1970-12-27' },
		{ id: 'noyear', birthday: '--12-31' },
		{ id: 'none', birthday: '' },
		{ id: 'trashed', birthday: '1985-12-29', trashedAt: 1 }
	];
	it('lists the next 7 days, across the year end, soonest first', () => {
		const list = upcomingBirthdays(rows, NOW, CN);
		expect(list.map((b) => [b.customer.id, b.inDays, b.date, b.turns])).toEqual([
			['today', 0, '2025-12-28', 40],
			['noyear', 3, '2025-12-31', null],
			['ny', 5, '2026-01-02', 26]
		]);
	});
	it('takes the window length', () => {
		expect(upcomingBirthdays(rows, NOW, CN, 1).map((b) => b.customer.id)).toEqual(['today']);
		expect(upcomingBirthdays(rows, NOW, CN, 8).map((b) => b.customer.id)).toContain('too-far');
	});
	it('celebrates 29 February on the 28th in common years', () => {
		const feb = Date.UTC(2025, 1, 27, 1);
		const list = upcomingBirthdays([{ id: 'leap', birthday: '2000-02-29' }], feb, CN);
		expect(list[0]).toMatchObject({ inDays: 1, date: '2025-02-28', turns: 25 });
	});
	it('uses the local date', () => {
		// 2025-12-27 17:00 UTC is already the 28th in Beijing.
		const late = Date.UTC(2025, 11, 27, 17);
		expect(upcomingBirthdays([{ id: 'x', birthday: '1990-12-27' }], late, CN)).toEqual([]);
		expect(upcomingBirthdays([{ id: 'x', birthday: '1990-12-27' }], late, 0)[0]?.inDays).toBe(0);
	});
});

describe('dealsClosingBetween', () => {
	it('keeps open deals closing in the range, earliest first', () => {
		const open = (s: string) => isOpenStage(DEFAULT_STAGES, s);
		const deals = [
			{ id: 'b', expectedClose: '2025-12-20', stage: 'proposal' },
			{ id: 'a', expectedClose: '2025-12-01', stage: 'lead' },
			{ id: 'won', expectedClose: '2025-12-05', stage: 'won' },
			{ id: 'next', expectedClose: '2026-01-01', stage: 'lead' },
			{ id: 'none', expectedClose: '', stage: 'lead' },
			{ id: 'bad', expectedClose: '2025-12-99', stage: 'lead' },
			{ id: 'trashed', expectedClose: '2025-12-02', stage: 'lead', trashedAt: 1 }
		];
		expect(dealsClosingBetween(deals, '2025-12-01', '2026-01-01', open).map((d) => d.id)).toEqual([
			'a',
			'b'
		]);
	});
});

describe('upcomingBirthdays, passing over rows by month and day', () => {
	/** The rule without the month-day shortcut: every row parsed. */
	function reference(rows: BirthdayRow[], now: number, tz: number, days: number) {
		const today = civilDateAt(now, tz);
		const todayUtc = Date.UTC(today.year, today.month - 1, today.day);
		const out: { id: string; inDays: number }[] = [];
		for (const c of rows) {
			const b = c.trashedAt == null && c.birthday ? birthdayParts(c.birthday) : null;
			if (!b) continue;
			for (const year of [today.year, today.year + 1]) {
				const day = Math.min(b.day, daysInMonth(year, b.month));
				const inDays = Math.round((Date.UTC(year, b.month - 1, day) - todayUtc) / DAY_MS);
				if (inDays < 0) continue;
				if (inDays < days) out.push({ id: c.id, inDays });
				break;
			}
		}
		return out.sort((a, b) => a.inDays - b.inDays || (a.id < b.id ? -1 : 1));
	}

	it('finds what parsing every row finds', () => {
		const md = fc
			.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
			.map(([m, d]) => `${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
		const birthday = fc.oneof(
			fc
				.tuple(fc.integer({ min: 1, max: 2030 }), md)
				.map(([y, x]) => `${String(y).padStart(4, '0')}-${x}`),
			md.map((x) => `--${x}`),
			fc.constantFrom('', '1992-02-29', '--02-29', 'x', '12-25')
		);
		fc.assert(
			fc.property(
				fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 3 }), birthday }), {
					selector: (r) => r.id,
					maxLength: 40
				}),
				fc.integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2029, 0, 1) }),
				fc.constantFrom(480, 0, -300),
				fc.integer({ min: 1, max: 40 }),
				(rows, now, tz, days) => {
					const got = upcomingBirthdays(rows as BirthdayRow[], now, tz, days);
					expect(got.map((b) => ({ id: b.customer.id, inDays: b.inDays }))).toEqual(
						reference(rows as BirthdayRow[], now, tz, days)
					);
				}
			),
			{ numRuns: 300 }
		);
	});
});
