import v8 from 'node:v8';
import {
  boundHeapGrowth,
  DEFAULT_HEAP_GROWING_PERCENT,
  HEAP_GROWING_PERCENT_ENV,
  heapGrowingPercentFrom,
} from './heap-growth';

// Issue 23 part 5: the gateway's RSS under the mixed morning was V8's pages for a heap grown to
// 2.5-4x what stayed alive; every service bounds that growth, and an operator can change it.
describe('the old generation grows at most DEFAULT_HEAP_GROWING_PERCENT past what is alive', () => {
  afterEach(() => jest.restoreAllMocks());

  it('is 20 % unless the environment says otherwise', () => {
    expect(DEFAULT_HEAP_GROWING_PERCENT).toBe(20);
    expect(heapGrowingPercentFrom({}, [])).toBe(20);
    expect(heapGrowingPercentFrom({ [HEAP_GROWING_PERCENT_ENV]: '50' }, [])).toBe(50);
    expect(heapGrowingPercentFrom({ [HEAP_GROWING_PERCENT_ENV]: 'off' }, [])).toBeNull();
  });

  it("leaves it to node's command line when the flag is given there", () => {
    expect(heapGrowingPercentFrom({}, ['--heap-growing-percent=70'])).toBeNull();
  });

  it.each(['0', '-5', '12.5', '301', 'twenty'])('refuses %s, naming the variable', (raw) => {
    expect(() => heapGrowingPercentFrom({ [HEAP_GROWING_PERCENT_ENV]: raw }, [])).toThrow(
      `${HEAP_GROWING_PERCENT_ENV}=${raw}: give a whole percent from 1 to 300, or off`,
    );
  });

  it('sets the V8 flag (node refuses it in NODE_OPTIONS)', () => {
    const setFlags = jest.spyOn(v8, 'setFlagsFromString').mockImplementation(() => undefined);
    expect(boundHeapGrowth({})).toBe(20);
    expect(setFlags).toHaveBeenCalledWith('--heap-growing-percent=20');
    setFlags.mockClear();
    expect(boundHeapGrowth({ [HEAP_GROWING_PERCENT_ENV]: 'off' })).toBeNull();
    expect(setFlags).not.toHaveBeenCalled();
  });
});
