import { DataScope } from './data-scope';
import { seenAgents, seenEmployeeNos, visibleIn } from './scope-guards';

describe('scope guards', () => {
  const limited = new DataScope(
    false,
    { centers: [], teams: ['T1'], employeeNo: 'E3' },
    { centerIds: [], teamIds: ['t1'], employeeNos: ['E1'] },
  );
  const agents = [{ employeeNo: 'E1' }, { employeeNo: 'E2' }, { employeeNo: 'E3' }];

  it('seenAgents keeps the people a limited caller sees, everyone for a caller who sees all', () => {
    expect(seenAgents(limited, agents).map((a) => a.employeeNo)).toEqual(['E1', 'E3']);
    expect(seenAgents(DataScope.everything(), agents)).toEqual(agents);
    expect(seenEmployeeNos(limited, ['E2', 'E3', 'E1'])).toEqual(['E3', 'E1']);
    expect(seenEmployeeNos(DataScope.everything(), ['E2'])).toEqual(['E2']);
  });

  it('visibleIn: a null parameter for everything, a JSON array otherwise (also when empty)', () => {
    expect(visibleIn('a.employee_no', null).params).toEqual([null, null]);
    expect(visibleIn('a.employee_no', []).params).toEqual(['[]', '[]']);
    const injected = visibleIn('a.employee_no', ["x' or 1=1 --"]);
    expect(injected.params[0]).toBe('["x\' or 1=1 --"]');
    expect(injected.sql).toContain('a.employee_no in (select jsonb_array_elements_text(?::jsonb))');
  });
});
