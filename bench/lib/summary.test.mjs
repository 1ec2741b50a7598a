import { describe, expect, it } from 'vitest';
import { isMet, summaryMarkdown, summaryRows } from './summary.mjs';
import { TARGETS } from './targets.mjs';

const at = (value, measured = '2026-12-01 10:00 UTC') => ({ value, measured });

describe('isMet', () => {
	it('reads "<" as strictly below and "≤" as at most', () => {
		expect(isMet(15.9, '<', 16)).toBe(true);
		expect(isMet(16, '<', 16)).toBe(false);
		expect(isMet(500, '≤', 500)).toBe(true);
		expect(isMet(500.1, '≤', 500)).toBe(false);
	});

	it('reads "≥" as at least', () => {
		expect(isMet(80, '≥', 80)).toBe(true);
		expect(isMet(79.9, '≥', 80)).toBe(false);
	});
});

describe('summaryRows', () => {
	const scroll = {
		what: 'scroll frame',
		figure: 'list.scrollMaxMs',
		sizes: [10, 100],
		noun: 'customers',
		unit: 'ms',
		digits: 1,
		op: '<',
		limit: 16,
		anchorName: 'the control',
		anchor: (get) => get('list.controlMaxMs')
	};

	it('gives every size of a target its own row, met or missed by its own figure', () => {
		const rows = summaryRows({ 'list.scrollMaxMs@10': at(15.9), 'list.scrollMaxMs@100': at(16) }, [
			scroll
		]);
		expect(rows.map((r) => r.status)).toEqual(['met', 'missed']);
		expect(rows[0].target).toBe('scroll frame, 10 customers (< 16 ms)');
		expect(rows[1].figure).toBe('16.0 ms');
		expect(rows[1].date).toBe('2026-12-01');
	});

	it('reads the anchor at the same size, and gives no ratio without one', () => {
		const rows = summaryRows(
			{
				'list.scrollMaxMs@10': at(12),
				'list.controlMaxMs@10': at(24),
				'list.scrollMaxMs@100': at(20),
				'list.controlMaxMs@1000': at(10)
			},
			[scroll]
		);
		expect(rows[0].ratio).toBe('0.50 × the control (24.0 ms)');
		expect(rows[1].ratio).toBe('');
	});

	it('says "not measured" for a size without a figure, with the nearest size that has one', () => {
		const rows = summaryRows({ 'list.scrollMaxMs@10': at(9) }, [scroll]);
		expect(rows[1].status).toBe('not measured');
		expect(rows[1].figure).toBe('— (at 10 customers: 9.0 ms, 2026-12-01)');
		expect(rows[1].date).toBe('');
		expect(summaryRows({}, [scroll])[0].figure).toBe('—');
	});

	it('reads import against the latest storage floor, whatever size it was measured at', () => {
		const figures = {
			'import.totalS@10000': at(3),
			'import.storedCustomers@10000': at(2_000),
			'storage.customersWritePerS@20000': at(500, '2026-11-01 10:00 UTC'),
			'storage.customersWritePerS@5000': at(1_000, '2026-11-20 10:00 UTC')
		};
		const row = summaryRows(figures).find((r) => r.target.startsWith('CSV import: file chosen'));
		expect(row).toMatchObject({ figure: '3.00 s', status: 'missed' });
		expect(row?.ratio).toBe('1.50 × the storage floor (2.00 s)');
	});

	it('reads import against the floor of its own run when the suite measured one', () => {
		const figures = {
			'import.totalS@10000': at(3),
			'import.storedCustomers@10000': at(2_000),
			'import.floorS@10000': at(1.2),
			'storage.customersWritePerS@5000': at(1_000, '2026-11-20 10:00 UTC')
		};
		const row = summaryRows(figures).find((r) => r.target.startsWith('CSV import: file chosen'));
		expect(row?.ratio).toBe('2.50 × the storage floor (1.20 s)');
	});

	it("judges the commit's share of the floor against at least 80%", () => {
		const rows = summaryRows({
			'import.commitFloorPct@10000': at(80),
			'import.commitFloorPct@100000': at(79.6)
		}).filter((r) => r.target.startsWith("CSV import: the commit's rate"));
		expect(rows.map((r) => r.status)).toEqual(['met', 'missed', 'not measured']);
		expect(rows[1].figure).toBe('80 %');
		expect(rows[0].target).toContain('10,000 rows (≥ 80 %)');
	});

	it('has no ratio when the anchor needs a figure that was not stored', () => {
		const row = summaryRows({ 'import.totalS@10000': at(0.9) }).find((r) =>
			r.target.startsWith('CSV import: file chosen')
		);
		expect(row).toMatchObject({ status: 'met', ratio: '' });
	});
});

describe('summaryMarkdown', () => {
	it('lists every target at every size, and marks a miss in bold', () => {
		const md = summaryMarkdown({ 'home.navMs@100000': at(501) });
		const rows = md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| target'));
		const expected = TARGETS.reduce((n, t) => n + (t.sizes?.length ?? 1), 0);
		expect(rows.slice(1)).toHaveLength(expected);
		expect(md).toContain('| Home ready after navigating from the list, median, 100,000 customers');
		expect(md).toMatch(/\| 501 ms \| — \| \*\*missed\*\* \| 2026-12-01 \|/);
	});
});
