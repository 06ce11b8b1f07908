import { describe, expect, it } from 'vitest';
import { staffingInput } from './erlang-calculator';

describe('staffingInput', () => {
  it('sends numbers and leaves empty optional fields to the API defaults', () => {
    expect(
      staffingInput({
        callsPerInterval: '120',
        ahtSeconds: '300',
        intervalMinutes: '30',
        targetServiceLevel: '0.8',
        targetAnswerSeconds: ' ',
        shrinkage: '0.3',
        patienceSeconds: '',
      }),
    ).toEqual({
      callsPerInterval: 120,
      ahtSeconds: 300,
      intervalMinutes: 30,
      targetServiceLevel: 0.8,
      targetAnswerSeconds: undefined,
      shrinkage: 0.3,
      patienceSeconds: undefined,
    });
  });
});
