import { pgArray } from './pg-array';

describe('pgArray', () => {
  it('quotes every element and escapes quotes and backslashes', () => {
    expect(pgArray([])).toBe('{}');
    expect(pgArray(['a', 'b c', 7])).toBe('{"a","b c","7"}');
    expect(pgArray(['x"}, 1) --', 'back\\slash'])).toBe('{"x\\"}, 1) --","back\\\\slash"}');
  });
});
