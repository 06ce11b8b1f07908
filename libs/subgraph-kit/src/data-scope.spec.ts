import type { Identity } from '@switchboard/auth';
import { cachedScopeSource, resolveDataScope, staticScopeSource, type ScopeSource } from './data-scope';

const directory = staticScopeSource({
  centers: { 'SHA-01': { id: 'c1', teams: ['SHA-CARDS-1', 'SHA-LOANS-1'] } },
  teams: {
    'SHA-CARDS-1': { id: 't1', employeeNos: ['E1', 'E2'] },
    'SHA-LOANS-1': { id: 't2', employeeNos: ['E3'] },
    'CTU-CARDS-1': { id: 't3', employeeNos: ['E9'] },
  },
});
const who = (more: Partial<Identity>): Identity => ({
  subject: 's',
  roles: [],
  centers: [],
  teams: [],
  ...more,
});

describe('DataScope', () => {
  it("a manager sees their center's teams and members, nothing else", async () => {
    const scope = await resolveDataScope(who({ roles: ['CENTER_MANAGER'], centers: ['SHA-01'] }), directory);
    expect([scope.seesCenter('c1'), scope.seesCenter('c2'), scope.seesCenter(null)]).toEqual([
      true,
      false,
      false,
    ]);
    expect([scope.seesTeam('t2'), scope.seesTeam('t3')]).toEqual([true, false]);
    expect(scope.employeeNos?.sort()).toEqual(['E1', 'E2', 'E3']);
    expect(scope.seesAgent('E9')).toBe(false);
    expect(() => scope.requireAgent('E9', 'agent')).toThrow(
      expect.objectContaining({ extensions: { code: 'FORBIDDEN' } }),
    );
  });

  it('an agent sees only themself and asks no one', async () => {
    const source = jest.fn<ReturnType<ScopeSource>, Parameters<ScopeSource>>();
    const scope = await resolveDataScope(
      who({ roles: ['AGENT'], employeeNo: 'E2', teams: ['SHA-CARDS-1'] }),
      source,
    );
    expect(scope.employeeNos).toEqual(['E2']);
    expect([scope.seesTeam('t1'), scope.seesCenter('c1')]).toEqual([false, false]);
    expect(source).not.toHaveBeenCalled();
  });

  it('bank-wide roles see everything (null lists for SQL)', async () => {
    const scope = await resolveDataScope(who({ roles: ['BI_READER'] }), directory);
    expect([scope.all, scope.employeeNos, scope.centerIds, scope.seesAgent('anyone')]).toEqual([
      true,
      null,
      null,
      true,
    ]);
  });

  it('cachedScopeSource asks once per key within its time to live, and again after a failure', async () => {
    let calls = 0;
    const flaky: ScopeSource = async (centers, teams) => {
      calls += 1;
      if (calls === 2) throw new Error('gateway down');
      return directory(centers, teams);
    };
    const cached = cachedScopeSource(flaky, 60_000);
    await Promise.all([cached(['SHA-01'], []), cached(['SHA-01'], [])]);
    expect(calls).toBe(1);
    await expect(cached([], ['CTU-CARDS-1'])).rejects.toThrow('gateway down');
    await expect(cached([], ['CTU-CARDS-1'])).resolves.toMatchObject({ teamIds: ['t3'] });
    expect(calls).toBe(3);
  });
});
