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
});
