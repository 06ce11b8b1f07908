import { dataTextOf, RawJsonData, stringifyFastPathResult } from './single-subgraph-fast-path';

describe('dataTextOf', () => {
  it('takes the data of a plain answer as it is', () => {
    expect(dataTextOf('{"data":{"a":[{"b":"x}"}]}}\n')).toBe('{"a":[{"b":"x}"}]}');
    expect(dataTextOf('{"data":{}}')).toBe('{}');
  });

  it('finds the data’s end when a key named like errors or extensions is inside it', () => {
    expect(dataTextOf('{"data":{"errors":{"extensions":"\\"}"}}}')).toBe('{"errors":{"extensions":"\\"}"}}');
  });

  it('refuses answers with errors, extensions, null data or anything after the data', () => {
    expect(dataTextOf('{"errors":[{"message":"no"}],"data":{"a":null}}')).toBeNull();
    expect(dataTextOf('{"data":{"a":1},"extensions":{"x":1}}')).toBeNull();
    expect(dataTextOf('{"data":{"a":1},"errors":[]}')).toBeNull();
    expect(dataTextOf('{"data":null}')).toBeNull();
    expect(dataTextOf('{"data":{"a":1}')).toBeNull();
    expect(dataTextOf('{"data":{"a":1}} x')).toBeNull();
  });
});

describe('stringifyFastPathResult', () => {
  it('writes raw data as it came and everything else as JSON.stringify would', () => {
    expect(stringifyFastPathResult({ data: new RawJsonData('{"a":[1,2]}') })).toBe('{"data":{"a":[1,2]}}\n');
    const mixed = { errors: [{ message: 'x' }], data: new RawJsonData('{"a":null}') };
    expect(JSON.parse(stringifyFastPathResult(mixed))).toEqual({
      errors: [{ message: 'x' }],
      data: { a: null },
    });
    expect(stringifyFastPathResult({ data: { b: 1 } })).toBe('{"data":{"b":1}}\n');
  });
});
