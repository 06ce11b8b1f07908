import { HOLDS_NUL, MAX_LINE_BYTES, NOT_UTF8, TextLineSplitter, type TextLine } from './text-lines';

/** The lines of `data` fed in pieces of `size` bytes. */
function lines(data: Buffer | string, size = data.length): TextLine[] {
  const splitter = new TextLineSplitter();
  const out: TextLine[] = [];
  for (let i = 0; i < data.length; i += size) out.push(...splitter.push(data.slice(i, i + size)));
  return [...out, ...splitter.end()];
}

describe('TextLineSplitter', () => {
  const sample = Buffer.from('\uFEFFhead\r\none\n\n三,四\r\nlast', 'utf8');
  const expected: TextLine[] = [
    { line: 1, text: 'head' },
    { line: 2, text: 'one' },
    { line: 3, text: '' },
    { line: 4, text: '三,四' },
    { line: 5, text: 'last' },
  ];

  it('numbers every physical line: LF and CRLF, blank lines, a last line without a break, a BOM dropped', () => {
    expect(lines(sample)).toEqual(expected);
  });

  it('gives the same lines however the bytes are cut (a character split between chunks included)', () => {
    for (const size of [1, 2, 3, 5, 7]) expect(lines(sample, size)).toEqual(expected);
    expect(lines(sample.toString('utf8'), 3)).toEqual(expected);
  });

  it('counts no line after a final line break', () => {
    expect(lines('a\nb\n')).toEqual([
      { line: 1, text: 'a' },
      { line: 2, text: 'b' },
    ]);
  });

  // issue 17: invalid UTF-8 was stored as U+FFFD, and a NUL refused the whole file
  it('rejects a line that is not UTF-8 or holds a NUL, and reads the lines around it', () => {
    const data = Buffer.concat([
      Buffer.from('ok 1\n'),
      Buffer.from([0x63, 0xe9, 0x0a]), // Latin-1 "cé"
      Buffer.from('ok 3\nnul\u0000here\r\n'),
      Buffer.from([0xd6, 0xd0]), // GBK, no line break at the end
    ]);
    const expectedLines: TextLine[] = [
      { line: 1, text: 'ok 1' },
      { line: 2, unreadable: NOT_UTF8 },
      { line: 3, text: 'ok 3' },
      { line: 4, unreadable: HOLDS_NUL },
      { line: 5, unreadable: NOT_UTF8 },
    ];
    for (const size of [1, 4, data.length]) expect(lines(data, size)).toEqual(expectedLines);
    expect(lines('a\u0000\nb')).toEqual([
      { line: 1, unreadable: HOLDS_NUL },
      { line: 2, text: 'b' },
    ]);
  });

  it('rejects a line longer than MAX_LINE_BYTES without holding it, and goes on', () => {
    const data = Buffer.from(`a\n${'x'.repeat(MAX_LINE_BYTES + 10)}\nb\n`);
    const out = lines(data, 64 * 1024);
    expect(out).toEqual([
      { line: 1, text: 'a' },
      { line: 2, unreadable: expect.stringMatching(/longer than/) as string },
      { line: 3, text: 'b' },
    ]);
  });
});
