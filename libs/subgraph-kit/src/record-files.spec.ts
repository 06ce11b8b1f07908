import { collectRows, fileInstant, ndjsonCells, readRecordFile, rowProblem } from './record-files';

interface Row {
  row: number;
  code: string;
}

const rowOf = (line: number, cells: Record<string, string>) =>
  cells.code ? { row: line, code: cells.code } : rowProblem(line, 'code', 'is required');
const options = { columns: ['code'], maxRows: 3, rowOf };

describe('readRecordFile', () => {
  it('CSV: rows, and every bad row with its line and column', async () => {
    const file = await readRecordFile<Row>('code\nA\n\nB\n', 'csv', options);
    expect(file).toEqual({
      rows: [
        { row: 2, code: 'A' },
        { row: 4, code: 'B' },
      ],
      problems: [],
      read: 2,
    });
  });

  it('CSV: a record the reader rejects and one rowOf refuses are both reported by line', async () => {
    const file = await readRecordFile<Row>('code,other\nA,1\n,2\n"x,\n', 'csv', options);
    expect(file.rows).toEqual([{ row: 2, code: 'A' }]);
    expect(file.problems.map((p) => [p.row, p.field])).toEqual([
      [4, 'csv'],
      [3, 'code'],
    ]);
    expect(file.read).toBe(file.rows.length + file.problems.length);
  });

  it('NDJSON: keys lower-cased, null as empty, not JSON and not an object reported with their line', async () => {
    const file = await readRecordFile<Row>('{"CODE":"A"}\n\nnope\n[1]\n{"code":null}\n', 'ndjson', {
      ...options,
      maxRows: 10,
    });
    expect(file.rows).toEqual([{ row: 1, code: 'A' }]);
    expect(file.problems).toEqual([
      { row: 3, employeeNo: null, field: 'json', message: 'is not JSON' },
      { row: 4, employeeNo: null, field: 'json', message: 'must be an object' },
      { row: 5, employeeNo: null, field: 'code', message: 'is required' },
    ]);
    expect(file.read).toBe(4);
  });

  it('refuses a file with no rows or more than maxRows, naming the field', async () => {
    await expect(readRecordFile('\n\n', 'ndjson', options)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: expect.stringContaining('file'),
    });
    await expect(readRecordFile('code\nA\nB\nC\nD\n', 'csv', options)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: expect.stringContaining('csv'),
    });
    await expect(readRecordFile('{"code":"A"}\n'.repeat(4), 'ndjson', options)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('an NDJSON object with keys field and message is cells, not a problem', () => {
    expect(ndjsonCells(7, '{"field":"x","message":"y"}')).toEqual({ cells: { field: 'x', message: 'y' } });
  });

  it('collectRows keeps the problems it was given first and counts the items read', () => {
    const earlier = rowProblem(1, 'csv', 'not CSV');
    const file = collectRows<Row>([{ row: 2, code: 'A' }, rowProblem(3, 'code', 'is required')], [earlier]);
    expect(file.problems.map((p) => p.row)).toEqual([1, 3]);
    expect(file.rows).toEqual([{ row: 2, code: 'A' }]);
    expect(file.read).toBe(2);
  });

  it('fileInstant: an ISO date-time with its offset and a real date, nothing else', () => {
    expect(fileInstant('2026-11-10T09:30:00+08:00')).toEqual(new Date('2026-11-10T01:30:00Z'));
    expect(fileInstant('2026-11-10T09:30Z')).toEqual(new Date('2026-11-10T09:30:00Z'));
    for (const bad of ['2026-11-10 09:30', '2026-11-10T09:30:00', '2026-13-40T09:30:00Z', '', 'now'])
      expect(fileInstant(bad)).toBeNull();
  });
});
