import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	coverageOf,
	missingOf,
	seenPoint,
	withoutImport,
	type ReceivedFile
} from './received-files';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 11, 1);
const hlc = (n: number, device = 'li') => `${String(n).padStart(15, '0')}:0000:${device}`;

let n = 0;
function file(after: number, upTo: number, over: Partial<ReceivedFile> = {}): ReceivedFile {
	return {
		importId: `i${++n}`,
		key: 'lead/mine:li',
		after,
		upTo,
		full: false,
		at: T0 + upTo * DAY,
		...(after > 0 ? { afterAt: T0 + after * DAY } : {}),
		seen: hlc(upTo),
		...over
	};
}

describe('the files received from one sender', () => {
	it('names a missing middle file by the dates of the files on each side', () => {
		const files = [file(0, 1), file(2, 3)];
		expect(missingOf(files)).toEqual([
			{ key: 'lead/mine:li', after: 1, upTo: 2, from: T0 + DAY, to: T0 + 2 * DAY }
		]);
		// A full file heals every hole up to its last number.
		expect(missingOf([...files, file(0, 3, { full: true })])).toEqual([]);
		// A full file that ends before the hole's end heals only what it covers.
		expect(missingOf([file(0, 1), file(5, 6), file(0, 3, { full: true })])).toMatchObject([
			{ after: 3, upTo: 5 }
		]);
	});

	it('lists a hole from the start for a sender whose first file here is a file of changes', () => {
		expect(missingOf([file(4, 7)])).toEqual([
			{ key: 'lead/mine:li', after: 0, upTo: 4, from: null, to: T0 + 4 * DAY }
		]);
		// Without afterAt (an older writer), the file's own time bounds the hole.
		const { afterAt: _a, ...bare } = file(4, 7);
		expect(missingOf([bare])[0]?.to).toBe(bare.at);
	});

	it('knows a file is missing when the file after it carries nothing', () => {
		// Nothing changed between the missing file and the next: that one is empty, yet says where
		// the sender's changes had reached.
		expect(missingOf([file(0, 1), file(2, 2)])).toEqual([
			{ key: 'lead/mine:li', after: 1, upTo: 2, from: T0 + DAY, to: T0 + 2 * DAY }
		]);
		expect(missingOf([file(0, 2), file(2, 2)])).toEqual([]);
	});

	it('keeps each exchange apart: a full file of one heals nothing of another', () => {
		const goals = file(0, 9, { key: 'member:li/goals:li', full: true });
		expect(missingOf([file(3, 4), goals])).toMatchObject([{ key: 'lead/mine:li', after: 0 }]);
		expect(coverageOf([file(3, 4), goals], 'member:li/goals:li')).toEqual([{ after: 0, upTo: 9 }]);
	});

	it('undoing an import reopens its run', () => {
		const middle = file(1, 2);
		const files = [file(0, 1), middle, file(2, 3)];
		expect(missingOf(files)).toEqual([]);
		expect(missingOf(withoutImport(files, middle.importId))).toMatchObject([{ after: 1, upTo: 2 }]);
	});

	it('knows every write of the sender up to the last file of its first unbroken run', () => {
		expect(seenPoint([file(0, 1), file(1, 2), file(5, 6)], 'lead/mine:li')).toBe(hlc(2));
		expect(seenPoint([file(3, 4)], 'lead/mine:li')).toBe('');
		expect(seenPoint([file(0, 4)], 'team/all')).toBe('');
		// A repeated file inside the run counts; its seen may be less than a later one's.
		expect(seenPoint([file(0, 2), file(0, 1, { seen: hlc(9) })], 'lead/mine:li')).toBe(hlc(9));
	});

	it('reports exactly the numbers missing below the highest held, for any files in any order', () => {
		const run = fc
			.tuple(fc.nat(30), fc.integer({ min: 0, max: 8 }), fc.boolean())
			.map(([a, len, full]) => (full ? file(0, a + len, { full }) : file(a, a + len)));
		fc.assert(
			fc.property(fc.array(run, { maxLength: 10 }), (files) => {
				const held = new Set<number>();
				for (const f of files) for (let i = f.after + 1; i <= f.upTo; i++) held.add(i);
				// Every file says the sender's changes reached its `after`, even one that holds none.
				const top = Math.max(0, ...held, ...files.map((f) => f.after));
				const missing = new Set<number>();
				for (const m of missingOf(files))
					for (let i = m.after + 1; i <= m.upTo; i++) missing.add(i);
				for (let i = 1; i <= top; i++) expect(missing.has(i)).toBe(!held.has(i));
				expect([...missing].every((i) => i <= top)).toBe(true);
				for (const m of missingOf(files)) expect(m.from === null || m.from <= m.to).toBe(true);
			}),
			{ numRuns: 1000 }
		);
	});
});
