import { DataScope } from './data-scope';
import { rememberAgentSet } from './performance-agent-sets';
import { performancePart, type PerformancePartRecord } from './performance-part';

type Agent = { employeeNo: string };

const limited = new DataScope(
  false,
  { centers: ['C1'], teams: [], employeeNo: 'E1' },
  { centerIds: ['c1'], teamIds: ['t1'], employeeNos: ['E1', 'E2'] },
);
const contextOf = (scope: DataScope) => ({ scope: async () => scope });
const DAY = { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-11-02T00:00:00Z') };
const record = (scopeType: string, scopeId: string, agents: Agent[] = []): PerformancePartRecord<Agent> => ({
  scopeType,
  scopeId,
  ...DAY,
  agentSet: { id: `set-${scopeId}`, agents },
});
const employeeNosOf = (employeeNos: string[]) => employeeNos;

describe('performancePart: the gate of every part a subgraph adds to Performance', () => {
  it('loads with the employee numbers of the set, including a set another record of the request carried', async () => {
    const ctx = contextOf(limited);
    rememberAgentSet(ctx, {
      agentSet: { id: 'shared', agents: [{ employeeNo: 'E1' }, { employeeNo: 'E2' }] },
    });
    const carried = { ...record('TEAM', 't1'), agentSet: { id: 'shared', agents: null } };
    await expect(performancePart(ctx, carried, employeeNosOf)).resolves.toEqual(['E1', 'E2']);
    expect(carried.agents).toEqual([{ employeeNo: 'E1' }, { employeeNo: 'E2' }]);
  });

  it('answers null outside the caller scope, and for a queue where the subgraph has none', async () => {
    const ctx = contextOf(limited);
    const load = jest.fn(employeeNosOf);
    expect(await performancePart(ctx, record('CENTER', 'c2'), load)).toBeNull();
    expect(await performancePart(ctx, record('TEAM', 't2'), load)).toBeNull();
    expect(await performancePart(ctx, record('AGENT', 'a3', [{ employeeNo: 'E3' }]), load)).toBeNull();
    expect(await performancePart(contextOf(DataScope.everything()), record('QUEUE', 'q1'), load)).toBeNull();
    expect(load).not.toHaveBeenCalled();
    expect(await performancePart(ctx, record('CENTER', 'c1', [{ employeeNo: 'E9' }]), load)).toEqual(['E9']);
  });

  it('sees a queue through its center for the subgraph that owns queues, looked up only when needed', async () => {
    const queueCenterId = jest.fn(async (id: string) => (id === 'q1' ? 'c1' : 'c2'));
    const ok = await performancePart(contextOf(limited), record('QUEUE', 'q1'), () => 'part', {
      queueCenterId,
    });
    const other = await performancePart(contextOf(limited), record('QUEUE', 'q2'), () => 'part', {
      queueCenterId,
    });
    expect([ok, other]).toEqual(['part', null]);
    queueCenterId.mockClear();
    const all = await performancePart(
      contextOf(DataScope.everything()),
      record('QUEUE', 'q2'),
      () => 'part',
      {
        queueCenterId,
      },
    );
    expect(all).toBe('part');
    expect(queueCenterId).not.toHaveBeenCalled();
  });

  it('checks the period first: BAD_USER_INPUT naming the field, with the rules or the check given', async () => {
    const ctx = contextOf(DataScope.everything());
    const load = jest.fn(() => 'part');
    const backwards = { ...record('TEAM', 't1'), from: DAY.to, to: DAY.from };
    await expect(performancePart(ctx, backwards, load)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: expect.stringContaining('to'),
    });
    const long = { ...record('TEAM', 't1'), to: new Date('2026-11-10T00:00:00Z') };
    await expect(performancePart(ctx, long, load, { period: { maxDays: 7 } })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const own = jest.fn();
    await performancePart(ctx, record('TEAM', 't1'), load, { period: own });
    expect(own).toHaveBeenCalledWith(DAY.from, DAY.to);
    expect(await performancePart(ctx, backwards, load, { period: false })).toBe('part');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('scoped: false answers whoever reaches the record', async () => {
    expect(
      await performancePart(contextOf(limited), record('CENTER', 'c2'), () => 'part', { scoped: false }),
    ).toBe('part');
  });
});
