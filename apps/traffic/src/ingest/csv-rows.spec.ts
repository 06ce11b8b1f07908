import { CsvSplitter, type CsvRow } from './csv-rows';

/** Splits `text` fed in pieces of `size` characters. */
function split(text: string, size = text.length): CsvRow[] {
  const splitter = new CsvSplitter();
  const rows: CsvRow[] = [];
  for (let i = 0; i < text.length; i += size) rows.push(...splitter.push(text.slice(i, i + size)));
  return [...rows, ...splitter.end()];
}

describe('CsvSplitter', () => {
  const sample = '\uFEFFa,b,c\r\n1,,3\r\n\r\n"x, y","say ""hi""",z\n"two\nlines",q,"end"\nlast,"",row';
  const expected: CsvRow[] = [
    { line: 1, fields: ['a', 'b', 'c'] },
    { line: 2, fields: ['1', '', '3'] },
    { line: 4, fields: ['x, y', 'say "hi"', 'z'] },
    { line: 5, fields: ['two\nlines', 'q', 'end'] },
    { line: 7, fields: ['last', '', 'row'] },
  ];

  it('splits fields, quotes, embedded commas, quotes and line breaks; skips empty lines; strips a BOM', () => {
    expect(split(sample)).toEqual(expected);
  });

  it('gives the same rows however the text is cut into pieces', () => {
    for (const size of [1, 2, 3, 5, 7, 13]) expect(split(sample, size)).toEqual(expected);
  });

  it('reports a malformed record with its line and goes on with the next line', () => {
    const text = 'a,b"c,d\nok,1\n"x"y,2\n"fine",3\n"open,4\nnever closed';
    expect(split(text)).toEqual([
      { line: 1, malformed: 'a quote inside an unquoted field' },
      { line: 2, fields: ['ok', '1'] },
      { line: 3, malformed: 'text after a closing quote' },
      { line: 4, fields: ['fine', '3'] },
      { line: 5, malformed: 'a quoted field is not closed' },
    ]);
    for (const size of [1, 4]) expect(split(text, size)).toEqual(split(text));
  });

  it('keeps a final line without a line break, and CR before LF out of the last field', () => {
    expect(split('a,b\r\nc,"d"\r\ne,f')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['c', 'd'] },
      { line: 3, fields: ['e', 'f'] },
    ]);
  });
});
