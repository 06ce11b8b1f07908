import { surveyFormat } from './import-surveys';

describe('switchboard import surveys: the file format', () => {
  it.each([
    ['answers.csv', undefined, 'csv'],
    ['answers.ndjson', undefined, 'ndjson'],
    ['answers.JSONL', undefined, 'ndjson'],
    ['answers.txt', undefined, 'csv'],
    ['answers.txt', 'ndjson', 'ndjson'],
  ])('%s with --format %s is %s', (file, format, expected) => {
    expect(surveyFormat(file, format)).toBe(expected);
  });

  it('refuses another format', () => {
    expect(() => surveyFormat('a.csv', 'xml')).toThrow('--format must be csv or ndjson, not xml');
  });
});
