import { rememberAgentSet, resolveAgentSet, type RecordWithAgentSet } from './performance-agent-sets';

type Agent = { employeeNo: string };

describe('Performance agent sets: each set sent once per fetch', () => {
  it("resolves a record's agents from the record of the request that carried its set", () => {
    const ctx = {};
    const carrier: RecordWithAgentSet<Agent> = { agentSet: { id: 's1', agents: [{ employeeNo: 'E1' }] } };
    const other: RecordWithAgentSet<Agent> = { agentSet: { id: 's1', agents: null } };
    // __resolveReference runs for every representation before any field
    rememberAgentSet(ctx, other);
    rememberAgentSet(ctx, carrier);
    expect(resolveAgentSet(ctx, other)).toEqual([{ employeeNo: 'E1' }]);
    expect(other.agents).toEqual([{ employeeNo: 'E1' }]);
    expect(resolveAgentSet(ctx, carrier)).toEqual([{ employeeNo: 'E1' }]);
  });

  it('keeps the old form (agents on every record) and refuses a set nobody carried', () => {
    const ctx = {};
    expect(resolveAgentSet(ctx, { agents: [{ employeeNo: 'E2' }] })).toEqual([{ employeeNo: 'E2' }]);
    expect(resolveAgentSet(ctx, {})).toBeUndefined();
    // another request's sets are not this one's
    rememberAgentSet({}, { agentSet: { id: 's2', agents: [] } });
    expect(() => resolveAgentSet(ctx, { agentSet: { id: 's2', agents: null } })).toThrow(/were not sent/);
  });
});
