import { BANK_WIDE_ROLES, scopeClaims } from './access';
import { createClientTokenVerifier } from './client-token';
import { callingService, requireServiceOrRole, serviceIdentity, signServiceToken } from './service-identity';

const secret = 'a-test-secret-of-at-least-thirty-two-characters';

describe('service identities', () => {
  it('a subgraph token is service:<name> with BI_READER and SERVICE, verified like any token', async () => {
    const token = await signServiceToken('staff', { secret, expiresIn: '1h' });
    const identity = await createClientTokenVerifier({ secret })(token);
    expect(identity).toEqual({
      subject: 'service:staff',
      roles: ['BI_READER', 'SERVICE'],
      centers: [],
      teams: [],
    });
    expect(callingService(identity)).toBe('staff');
  });

  it('SERVICE alone widens nothing: not bank-wide, sees nothing', () => {
    expect(BANK_WIDE_ROLES).not.toContain('SERVICE');
    expect(scopeClaims({ subject: 'service:x', roles: ['SERVICE'], centers: [], teams: [] })).toEqual({
      all: false,
      centers: [],
      teams: [],
    });
  });

  it('a service is named only by a service subject and the SERVICE role together', () => {
    expect(callingService({ ...serviceIdentity('voc'), roles: ['BI_READER'] })).toBeNull();
    expect(callingService({ subject: 'alice', roles: ['SERVICE'], centers: [], teams: [] })).toBeNull();
    expect(callingService({ subject: 'service:', roles: ['SERVICE'], centers: [], teams: [] })).toBeNull();
    expect(
      callingService({ subject: 'service:Bad Name', roles: ['SERVICE'], centers: [], teams: [] }),
    ).toBeNull();
  });

  it('requireServiceOrRole: a service or one of the human roles, else FORBIDDEN', () => {
    expect(requireServiceOrRole(serviceIdentity('voc'), ['ADMIN'], 'x')).toBe('voc');
    expect(
      requireServiceOrRole({ subject: 'a', roles: ['ADMIN'], centers: [], teams: [] }, ['ADMIN'], 'x'),
    ).toBeNull();
    expect(() =>
      requireServiceOrRole(
        { subject: 'b', roles: ['BI_READER'], centers: [], teams: [] },
        ['ADMIN'],
        'openServiceRecovery',
      ),
    ).toThrow(/openServiceRecovery needs a service identity or one of the roles ADMIN/);
  });
});
