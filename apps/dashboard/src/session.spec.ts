import { describe, expect, it } from 'vitest';
import { isAgentOnly, isCaseWorker, sessionFromToken } from './session';

const base64Url = (value: object) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const jwt = (claims: object) => `${base64Url({ alg: 'HS256' })}.${base64Url(claims)}.signature`;

describe('sessionFromToken', () => {
  it('reads roles, scopes and the employee number from the claims', () => {
    const session = sessionFromToken(
      jwt({ sub: 'demo-E10007', roles: ['AGENT'], centers: 'SHA-01', employeeNo: 'E10007' }),
    );
    expect(session).toMatchObject({
      label: 'demo-E10007',
      roles: ['AGENT'],
      centers: ['SHA-01'],
      teams: [],
      employeeNo: 'E10007',
    });
    expect(session && isAgentOnly(session)).toBe(true);
  });

  it('treats a manager as more than an agent', () => {
    const session = sessionFromToken(jwt({ sub: 'm', roles: ['CENTER_MANAGER', 'AGENT'] }), 'Manager');
    expect(session?.label).toBe('Manager');
    expect(session && isAgentOnly(session)).toBe(false);
  });

  it('a case worker (reads customer PII, changes cases) is a CASE_HANDLER or an ADMIN only', () => {
    const of = (roles: string[]) => sessionFromToken(jwt({ sub: 'x', roles }));
    expect(
      [['CASE_HANDLER'], ['ADMIN'], ['CENTER_MANAGER'], ['TEAM_LEAD', 'AGENT']].map((r) => {
        const session = of(r);
        return session ? isCaseWorker(session) : null;
      }),
    ).toEqual([true, true, false, false]);
  });

  it('refuses text that is not a JWT', () => {
    expect(sessionFromToken('not a token')).toBeNull();
    expect(sessionFromToken('a.b.c')).toBeNull();
  });
});
