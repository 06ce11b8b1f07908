import { SignJWT, UnsecuredJWT } from 'jose';
import { createClientTokenVerifier, signDevelopmentToken } from './client-token';
import { identityFromClaims, type Identity } from './identity';
import {
  createInternalTokenSigner,
  createInternalTokenVerifier,
  GATEWAY_KEY_ENV,
  generateGatewayKeyPair,
} from './internal-token';

const secret = 'a-development-secret-that-is-long-enough';
const manager: Identity = { subject: 'mgr-1', roles: ['CENTER_MANAGER'], centers: ['SHA-01'], teams: [] };

function keyEnv(): NodeJS.ProcessEnv {
  const pair = generateGatewayKeyPair();
  return { [GATEWAY_KEY_ENV.privateKey]: pair.privateKeyPem, [GATEWAY_KEY_ENV.publicKey]: pair.publicKeyPem };
}

async function codeOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
    return 'accepted';
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
}

describe('client tokens (caller -> gateway)', () => {
  const verify = createClientTokenVerifier({ secret });

  it('accepts a development token and reads its identity back', async () => {
    const token = await signDevelopmentToken({ ...manager, employeeNo: 'E10001' }, { secret });
    expect(await verify(token)).toEqual({ ...manager, employeeNo: 'E10001' });
  });

  it.each([
    ['another secret', () => signDevelopmentToken(manager, { secret: `${secret}-other` })],
    ['an expired token', () => signDevelopmentToken(manager, { secret, expiresIn: '-1m' })],
    [
      'an unsigned token (alg none)',
      async () => new UnsecuredJWT({ roles: ['ADMIN'] }).setSubject('x').encode(),
    ],
    [
      'a token with no subject',
      () =>
        new SignJWT({ roles: ['ADMIN'] })
          .setProtectedHeader({ alg: 'HS256' })
          .setExpirationTime('1h')
          .sign(new TextEncoder().encode(secret)),
    ],
    ['garbage', async () => 'not.a.token'],
  ])('refuses %s as UNAUTHENTICATED', async (_case, make) => {
    expect(await codeOf(verify(await make()))).toBe('UNAUTHENTICATED');
  });

  it('checks issuer and audience when they are configured', async () => {
    const strict = createClientTokenVerifier({ secret, issuer: 'idp', audience: 'switchboard' });
    const right = await signDevelopmentToken(manager, { secret, issuer: 'idp', audience: 'switchboard' });
    const wrong = await signDevelopmentToken(manager, { secret, issuer: 'idp', audience: 'other-api' });
    expect(await codeOf(strict(right))).toBe('accepted');
    expect(await codeOf(strict(wrong))).toBe('UNAUTHENTICATED');
  });

  it('refuses to run with a short secret or no key at all', () => {
    expect(() => createClientTokenVerifier({ secret: 'short' })).toThrow(/at least 32/);
    expect(() => createClientTokenVerifier({})).toThrow(/SWITCHBOARD_JWKS_URL/);
    expect(() => createClientTokenVerifier({ jwksUrl: 'https://idp.example/jwks' })).toThrow(
      /SWITCHBOARD_JWT_ISSUER and SWITCHBOARD_JWT_AUDIENCE/,
    );
  });

  it('refuses a token without an expiry', async () => {
    const forever = await new SignJWT({ roles: ['ADMIN'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .sign(new TextEncoder().encode(secret));
    expect(await codeOf(verify(forever))).toBe('UNAUTHENTICATED');
  });
});

describe('internal tokens (gateway -> subgraph)', () => {
  it('carries the caller and the request id to the subgraph it names, and to no other', async () => {
    const env = keyEnv();
    const token = await createInternalTokenSigner(env)({ ...manager, requestId: 'req-1' }, 'staff');
    expect(await createInternalTokenVerifier('staff', env)(token)).toEqual({
      ...manager,
      requestId: 'req-1',
    });
    expect(await codeOf(createInternalTokenVerifier('traffic', env)(token))).toBe('UNAUTHENTICATED');
  });

  it('refuses a token signed by another key, and an old one', async () => {
    const env = keyEnv();
    const forged = await createInternalTokenSigner(keyEnv())(manager, 'staff');
    expect(await codeOf(createInternalTokenVerifier('staff', env)(forged))).toBe('UNAUTHENTICATED');
    const privateKey = (await import('node:crypto')).createPrivateKey(
      env[GATEWAY_KEY_ENV.privateKey] as string,
    );
    const old = await new SignJWT({ roles: ['ADMIN'] })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setIssuer('switchboard-gateway')
      .setSubject('x')
      .setAudience('staff')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 600)
      .setExpirationTime(Math.floor(Date.now() / 1000) + 600)
      .sign(privateKey);
    expect(await codeOf(createInternalTokenVerifier('staff', env)(old))).toBe('UNAUTHENTICATED');
  });

  describe('reuse (issue 23: a signature per subgraph fetch)', () => {
    beforeEach(() => {
      jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate'] });
      jest.setSystemTime(new Date('2026-12-07T08:30:00.500Z'));
    });
    afterEach(() => jest.useRealTimers());

    it("reuses a caller's token for one subgraph while half its life is left, then signs a new one", async () => {
      const sign = createInternalTokenSigner(keyEnv());
      const first = await sign(manager, 'staff');
      expect(await sign({ ...manager }, 'staff')).toBe(first);
      expect(await sign(manager, 'traffic')).not.toBe(first);
      expect(await sign({ ...manager, centers: ['CTU-T1'] }, 'staff')).not.toBe(first);
      expect(await sign({ ...manager, subject: 'mgr-2' }, 'staff')).not.toBe(first);
      // a request id in the token makes it the request's own
      expect(await sign({ ...manager, requestId: 'r' }, 'staff')).not.toBe(first);
      jest.setSystemTime(new Date('2026-12-07T08:30:14.000Z'));
      expect(await sign(manager, 'staff')).toBe(first);
      jest.setSystemTime(new Date('2026-12-07T08:30:16.000Z'));
      expect(await sign(manager, 'staff')).not.toBe(first);
    });

    it('answers a token verified before from what it kept, and refuses it once expired all the same', async () => {
      const env = keyEnv();
      const token = await createInternalTokenSigner(env)(manager, 'staff');
      const verify = createInternalTokenVerifier('staff', env);
      expect(await verify(token)).toEqual(manager);
      jest.setSystemTime(new Date('2026-12-07T08:30:25.000Z'));
      expect(await verify(token)).toEqual(manager);
      expect(await codeOf(createInternalTokenVerifier('traffic', env)(token))).toBe('UNAUTHENTICATED');
      jest.setSystemTime(new Date('2026-12-07T08:30:40.000Z'));
      expect(await codeOf(verify(token))).toBe('UNAUTHENTICATED');
    });
  });

  it('needs the keys to start', () => {
    expect(() => createInternalTokenSigner({})).toThrow(GATEWAY_KEY_ENV.privateKey);
    expect(() => createInternalTokenVerifier('staff', {})).toThrow(GATEWAY_KEY_ENV.publicKey);
  });
});

describe('identity claims', () => {
  it('keeps only roles the platform knows', () => {
    expect(identityFromClaims({ sub: 's', roles: ['HR', 'offline_access', 7], centers: 'SHA-01' })).toEqual({
      subject: 's',
      roles: ['HR'],
      centers: ['SHA-01'],
      teams: [],
    });
  });
});
