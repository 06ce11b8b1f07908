import { withUnresolvedEntityErrors } from './unresolved-entities';

const representations = [
  { __typename: 'Agent', employeeNo: 'E1' },
  { __typename: 'Agent', employeeNo: 'E2' },
  { __typename: 'Agent', employeeNo: 'E3' },
];

describe('withUnresolvedEntityErrors (issue 17: no silent nulls)', () => {
  it('adds a NOT_FOUND error, naming no key, for each entity answered null without one', () => {
    const answer = {
      data: { _entities: [{ displayName: 'A' }, null, null] },
      errors: [{ message: 'boom', path: ['_entities', 2, 'displayName'] }],
    };
    const shared = structuredClone(answer);
    const result = withUnresolvedEntityErrors(answer, representations, 'staff');
    expect(result.errors).toEqual([
      { message: 'boom', path: ['_entities', 2, 'displayName'] },
      {
        message: 'Agent: not found, or not visible to you',
        path: ['_entities', 1],
        extensions: { code: 'NOT_FOUND', serviceName: 'staff' },
      },
    ]);
    expect(JSON.stringify(result)).not.toContain('E2');
    // The shared answer of identical fetches is left as it was.
    expect(answer).toEqual(shared);
  });

  it('leaves whole answers and answers that are not of _entities as they are', () => {
    const whole = { data: { _entities: [{ a: 1 }, { a: 2 }, { a: 3 }] } };
    expect(withUnresolvedEntityErrors(whole, representations, 'staff')).toBe(whole);
    const root = { data: { centers: null } };
    expect(withUnresolvedEntityErrors(root, undefined, 'staff')).toBe(root);
  });
});
