import { requireRole, scopeClaims } from './access';
import type { Identity, Role } from './identity';

const who = (roles: Role[], more: Partial<Identity> = {}): Identity => ({
  subject: 's',
  roles,
  centers: [],
  teams: [],
  ...more,
});

describe('scopeClaims: what a token lets its holder see', () => {
  it.each<[string, Identity, ReturnType<typeof scopeClaims>]>([
    [
      'ADMIN: everything, centers in the token notwithstanding',
      who(['ADMIN'], { centers: ['A'] }),
      { all: true, centers: [], teams: [] },
    ],
    ['HR with no centers: the whole bank', who(['HR']), { all: true, centers: [], teams: [] }],
    ['HR limited to a center', who(['HR'], { centers: ['A'] }), { all: false, centers: ['A'], teams: [] }],
    ['BI_READER: the whole bank', who(['BI_READER']), { all: true, centers: [], teams: [] }],
    [
      'CENTER_MANAGER: their centers',
      who(['CENTER_MANAGER'], { centers: ['B', 'A', 'A'] }),
      { all: false, centers: ['A', 'B'], teams: [] },
    ],
    [
      'CENTER_MANAGER with no centers: nothing',
      who(['CENTER_MANAGER']),
      { all: false, centers: [], teams: [] },
    ],
    [
      'TEAM_LEAD: their teams, not centers',
      who(['TEAM_LEAD'], { centers: ['A'], teams: ['T1'], employeeNo: 'E1' }),
      { all: false, centers: [], teams: ['T1'], employeeNo: 'E1' },
    ],
    [
      'AGENT: only themself',
      who(['AGENT'], { centers: ['A'], teams: ['T1'], employeeNo: 'E1' }),
      { all: false, centers: [], teams: [], employeeNo: 'E1' },
    ],
    ['no role: nothing', who([], { centers: ['A'] }), { all: false, centers: [], teams: [] }],
  ])('%s', (_case, identity, expected) => {
    expect(scopeClaims(identity)).toEqual(expected);
  });
});

describe('requireRole', () => {
  it('passes a holder of any listed role and refuses others with FORBIDDEN naming the action', () => {
    expect(() => requireRole(who(['HR']), ['HR', 'ADMIN'], 'hireAgent')).not.toThrow();
    expect(() => requireRole(who(['BI_READER']), ['HR', 'ADMIN'], 'hireAgent')).toThrow(
      expect.objectContaining({
        message: 'hireAgent needs one of the roles HR, ADMIN',
        extensions: { code: 'FORBIDDEN' },
      }),
    );
  });
});
