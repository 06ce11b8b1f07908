import { CsvRowSplitter, MAX_RECORD_LINES, type CsvRow } from './csv-rows';
import { TextLineSplitter } from './text-lines';

/** Rows of `text` fed in pieces of `size` characters. */
function split(text: string, size = text.length): CsvRow[] {
  const lines = new TextLineSplitter();
  const rows = new CsvRowSplitter();
  const out: CsvRow[] = [];
  for (let i = 0; i < text.length; i += size) out.push(...rows.push(lines.push(text.slice(i, i + size))));
  return [...out, ...rows.push(lines.end()), ...rows.end()];
}

/** Every physical line of a text: the lines each row covers. */
const covered = (rows: CsvRow[]): number[] =>
  rows.flatMap((r) =>
    'fields' in r ? Array.from({ length: r.lastLine - r.line + 1 }, (_, i) => r.line + i) : [r.line],
  );

describe('CsvRowSplitter', () => {
  const sample = '\uFEFFa,b,c\r\n1,,3\r\n\r\n"x, y","say ""hi""",z\n"two\nlines",q,"end"\nlast,"",row';
  const expected: CsvRow[] = [
    { line: 1, lastLine: 1, fields: ['a', 'b', 'c'] },
    { line: 2, lastLine: 2, fields: ['1', '', '3'] },
    { line: 3, blank: true },
    { line: 4, lastLine: 4, fields: ['x, y', 'say "hi"', 'z'] },
    { line: 5, lastLine: 6, fields: ['two\nlines', 'q', 'end'] },
    { line: 7, lastLine: 7, fields: ['last', '', 'row'] },
  ];

  it('splits fields, quotes, embedded commas, quotes and line breaks; reports blank lines; strips a BOM', () => {
    expect(split(sample)).toEqual(expected);
  });

  it('gives the same rows however the text is cut into pieces', () => {
    for (const size of [1, 2, 3, 5, 7, 13]) expect(split(sample, size)).toEqual(expected);
  });

  it('rejects a line that is not CSV with its reason and goes on with the next line', () => {
    const text = 'a,b"c,d\nok,1\n"x"y,2\n"fine",3';
    expect(split(text)).toEqual([
      { line: 1, rejected: 'is not valid CSV: a quote inside an unquoted field' },
      { line: 2, lastLine: 2, fields: ['ok', '1'] },
      { line: 3, rejected: 'is not valid CSV: text after a closing quote' },
      { line: 4, lastLine: 4, fields: ['fine', '3'] },
    ]);
  });

  // issue 17: a contact CSV with an unclosed quote reported "read 3" for 6 lines
  it('a quote never closed costs its own line: the rows after it are read again as rows', () => {
    const text = 'h1,h2\nok,1\nopen,"never closed\nok,3\nok,4\nok,5';
    expect(split(text)).toEqual([
      { line: 1, lastLine: 1, fields: ['h1', 'h2'] },
      { line: 2, lastLine: 2, fields: ['ok', '1'] },
      { line: 3, rejected: 'is not valid CSV: a quoted field is not closed' },
      { line: 4, lastLine: 4, fields: ['ok', '3'] },
      { line: 5, lastLine: 5, fields: ['ok', '4'] },
      { line: 6, lastLine: 6, fields: ['ok', '5'] },
    ]);
    for (const size of [1, 3]) expect(split(text, size)).toEqual(split(text));
  });

  it('resynchronises when a stray quote pairs with a later one: each bad line rejected, the others read', () => {
    const text = 'a,"b\nc,d\ne,"f"g\nh,i';
    const rows = split(text);
    expect(rows).toEqual([
      { line: 1, rejected: 'is not valid CSV: a quoted field is not closed' },
      { line: 2, lastLine: 2, fields: ['c', 'd'] },
      { line: 3, rejected: 'is not valid CSV: text after a closing quote' },
      { line: 4, lastLine: 4, fields: ['h', 'i'] },
    ]);
    expect(covered(rows)).toEqual([1, 2, 3, 4]);
  });

  it(`takes a quote still open after ${MAX_RECORD_LINES} lines as never closed (memory stays bounded)`, () => {
    const text = ['x,"open', ...Array.from({ length: MAX_RECORD_LINES + 5 }, (_, i) => `r,${i}`)].join('\n');
    const rows = split(text);
    expect(rows[0]).toEqual({ line: 1, rejected: 'is not valid CSV: a quoted field is not closed' });
    expect(rows.slice(1).every((r) => 'fields' in r)).toBe(true);
    expect(covered(rows)).toEqual(Array.from({ length: MAX_RECORD_LINES + 6 }, (_, i) => i + 1));
  });

  it('an unreadable line ends an open quote: both are rejected, the rest is read', () => {
    const lines = new TextLineSplitter();
    const rows = new CsvRowSplitter();
    const data = Buffer.concat([Buffer.from('a,"open\n'), Buffer.from([0xff, 0x0a]), Buffer.from('b,c\n')]);
    expect([...rows.push(lines.push(data)), ...rows.push(lines.end()), ...rows.end()]).toEqual([
      { line: 1, rejected: 'is not valid CSV: a quoted field is not closed' },
      { line: 2, rejected: expect.stringMatching(/UTF-8/) as string },
      { line: 3, lastLine: 3, fields: ['b', 'c'] },
    ]);
  });
});
