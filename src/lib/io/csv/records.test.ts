import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { RecordSplitter, type RecordEvent } from './records';

function split(text: string, chunkSize = 7, delimiter = ','): RecordEvent[] {
	const s = new RecordSplitter(delimiter);
	const events: RecordEvent[] = [];
	for (let i = 0; i < text.length; i += chunkSize)
		events.push(...s.push(text.slice(i, i + chunkSize)));
	events.push(...s.end());
	return events;
}

const records = (events: RecordEvent[]): string[] =>
	events.flatMap((e) => (e.kind === 'records' ? e.text.slice(0, -1).split('\n') : []));

describe('RecordSplitter', () => {
	it('normalises CRLF, LF and CR record ends but keeps line breaks inside quotes', () => {
		const ev = split('a,b\r\nc,"x\r\ny"\nd,e\rf,g');
		expect(records(ev)).toEqual(['a,b', 'c,"x\r', 'y"', 'd,e', 'f,g']);
		const firstLines = ev.filter((e) => e.kind === 'records').map((e) => e.firstLine);
		expect(firstLines[0]).toBe(1);
	});

	it('numbers records like spreadsheet rows, counting blank lines', () => {
		const ev = split('h1,h2\n\n1,2\n"multi\nline",3\n4,5\n', 100);
		const block = ev[0];
		expect(block).toMatchObject({ kind: 'records', firstLine: 1, count: 5 });
	});

	it('treats a quote in the middle of a field as data, as Papa does', () => {
		expect(records(split('ab"c,d\ne,f'))).toEqual(['ab"c,d', 'e,f']);
	});

	it('reports an unclosed quote that reaches the end and keeps the following lines', () => {
		const ev = split('a,b,c\n1,2,3\n4,"oops,6\n7,8,9\n10,11,12\n');
		expect(ev.filter((e) => e.kind === 'quote_unclosed')).toEqual([
			{ kind: 'quote_unclosed', line: 3 }
		]);
		expect(records(ev)).toEqual(['a,b,c', '1,2,3', '7,8,9', '10,11,12']);
	});

	it('stops a runaway quote that a later quoted field would close', () => {
		const rows = ['n,p,e,c,x', '1,2,3,4,5', '6,"oops,8,9,10'];
		for (let i = 0; i < 20; i++) rows.push(`r${i},2,3,4,5`);
		rows.push('z,"q",3,4,5');
		const ev = split(rows.join('\r\n') + '\r\n', 13);
		expect(ev.filter((e) => e.kind === 'quote_unclosed')).toEqual([
			{ kind: 'quote_unclosed', line: 3 }
		]);
		const recs = records(ev);
		expect(recs).toHaveLength(rows.length - 1);
		expect(recs[2]).toBe('r0,2,3,4,5');
		expect(recs.at(-1)).toBe('z,"q",3,4,5');
	});

	it('gives up on a quoted field after maxQuotedLines line breaks', () => {
		const s = new RecordSplitter(',', { maxQuotedLines: 3 });
		const ev = [...s.push('a,b\n"x\n1\n2\n3\n4\n5,6\n'), ...s.end()];
		expect(ev.find((e) => e.kind === 'quote_unclosed')).toEqual({
			kind: 'quote_unclosed',
			line: 2
		});
		expect(records(ev)).toEqual(['a,b', '1', '2', '3', '4', '5,6']);
	});

	it('gives up on a quoted field longer than maxQuotedChars without a line break', () => {
		const s = new RecordSplitter(',', { maxQuotedChars: 50 });
		const ev = [...s.push('a,b\n"' + 'x'.repeat(60)), ...s.push('y\nc,d\n'), ...s.end()];
		expect(ev.find((e) => e.kind === 'quote_unclosed')).toEqual({
			kind: 'quote_unclosed',
			line: 2
		});
		expect(records(ev)).toEqual(['a,b', 'c,d']);
	});

	it('agrees with Papa on the number of rows in every block (property)', () => {
		const alphabet = fc.constantFrom('a', ',', '"', '\n', '\r', ' ', ';');
		fc.assert(
			fc.property(
				fc.array(alphabet, { maxLength: 60 }),
				fc.integer({ min: 1, max: 9 }),
				(cs, n) => {
					for (const ev of split(cs.join(''), n)) {
						if (ev.kind !== 'records') continue;
						const data = Papa.parse<string[]>(ev.text, { delimiter: ',', newline: '\n' }).data;
						expect(data.length).toBe(ev.count + 1);
					}
				}
			),
			{ numRuns: 2000 }
		);
	});

	it('reports an unquoted cell over maxCellChars and skips the rest of its line unkept', () => {
		const s = new RecordSplitter(',', { maxCellChars: 10 });
		const ev = [
			...s.push('a,b\n1,' + 'x'.repeat(8)),
			...s.push('x'.repeat(50) + ',"q\nq"\n2,'),
			...s.push('y\n'),
			...s.end()
		];
		expect(ev.filter((e) => e.kind === 'over_limit')).toEqual([
			{ kind: 'over_limit', line: 2, limit: 'cell', column: 2 }
		]);
		// The quoted line break after the cap is not a record's: the line is skipped to its end.
		expect(records(ev)).toEqual(['a,b', 'q"', '2,y']);
	});

	it('reports a record of more than maxColumns cells; the rows after it keep their numbers', () => {
		const s = new RecordSplitter(';', { maxColumns: 3 });
		const ev = [...s.push('a;b;c\n1;2;3;4;5\n6;7;8\n'), ...s.end()];
		expect(ev).toEqual([
			{ kind: 'records', firstLine: 1, count: 1, text: 'a;b;c\n' },
			{ kind: 'over_limit', line: 2, limit: 'columns', column: 4 },
			{ kind: 'records', firstLine: 3, count: 1, text: '6;7;8\n' }
		]);
	});

	it('reads a long record fed one character at a time (each character copied a few times)', () => {
		const notes = 'n'.repeat(300_000);
		const ev = split(`a,b\n1,"${notes}"\n2,x\n`, 1);
		expect(records(ev)).toEqual(['a,b', `1,"${notes}"`, '2,x']);
	});
});
